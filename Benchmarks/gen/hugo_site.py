"""The Hugo 0.111 site: the same items with Hugo's front matter, a config with thidua's four
taxonomies, and a small theme built like thidua's default theme."""

from __future__ import annotations

import shutil
from pathlib import Path

from .common import REPO, write_item, yaml_str

HUGO_CONFIG = """\
# Hugo 0.111 site equivalent to the generated thidua site (see Benchmarks/README.md).
baseURL = "https://example.org/"
languageCode = "vi"
title = {title}
paginate = 10
enableRobotsTXT = false

[params]
  organisation = "Liên đoàn Lao động huyện Phong Thổ"
  description = "Cổng thông tin phong trào thi đua năm 2024"

# The four taxonomies of thidua's default theme (tags, movements, phases, units).
[taxonomies]
  tag = "tags"
  movement = "movements"
  unit = "units"
  phase = "phases"

# One feed for the whole site, like thidua's feed.xml (Hugo's default is one per list page).
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false

[[menu.main]]
  name = "Trang chủ"
  url = "/"
  weight = 1
[[menu.main]]
  name = "Tin tức"
  url = "/stories/"
  weight = 2
[[menu.main]]
  name = "Gương điển hình"
  url = "/people/"
  weight = 3
[[menu.main]]
  name = "Phong trào"
  url = "/movements/"
  weight = 4
"""

# The Hugo theme: the same page structure as thidua's default theme (base with header, menu and
# footer; story page with facts, tags and newer/older links; cards; pagination; term lists).
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Chuyển đến nội dung</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/"><img src="/assets/favicon.svg" alt="" width="36" height="36">
      <span><strong>{{ site.Title }}</strong><small>{{ site.Params.organisation }}</small></span></a>
    <nav aria-label="Điều hướng chính"><ul>
      {{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
      {{ end }}
    </ul></nav>
  </div>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap">
  <p>© 2024 {{ site.Params.organisation }}</p>
  <p class="muted">Xây dựng bằng Hugo</p>
</div></footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<article class="wrap prose">
  <header>
    {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>{{ end }}
    <h1>{{ .Title }}</h1>
    <dl class="facts">
      {{ range .GetTerms "units" }}<div><dt>Đơn vị</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ range .GetTerms "movements" }}<div><dt>Phong trào</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ range .GetTerms "phases" }}<div><dt>Đợt thi đua</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ with .Params.role }}<div><dt>Chức vụ</dt><dd>{{ . }}</dd></div>{{ end }}
      {{ with .Params.award }}<div><dt>Khen thưởng</dt><dd>{{ . }}</dd></div>{{ end }}
      {{ with .Params.author }}<div><dt>Tác giả</dt><dd>{{ . }}</dd></div>{{ end }}
    </dl>
  </header>
  {{ .Content }}
  {{ with .GetTerms "tags" }}<p class="tags"><span>Từ khóa:</span> {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
  <nav class="prev-next">
    {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}"><small>Bài mới hơn</small>{{ .Title }}</a>{{ end }}
    {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}"><small>Bài cũ hơn</small>{{ .Title }}</a>{{ end }}
  </nav>
</article>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  {{ $pager := .Paginate .Pages }}
  <div class="cards">{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}</div>
  {{ partial "pagination.html" $pager }}
</div>
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}
<div class="wrap">
  <p class="meta"><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
  <h1>{{ .Title }}</h1>
  {{ $pager := .Paginate .Pages }}
  <div class="cards">{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}</div>
  {{ partial "pagination.html" $pager }}
</div>
{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <ul class="terms">
    {{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="count">{{ .Count }} bài</span></li>
    {{ end }}
  </ul>
</div>
{{ end }}
""",
    "index.html": """\
{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "main" }}
<section class="hero"><div class="wrap"><h1>{{ site.Title }}</h1></div></section>
<div class="wrap">
  <section aria-labelledby="latest-heading">
    <h2 id="latest-heading">Tin mới</h2>
    <div class="cards">{{ range first 6 (where site.RegularPages "Section" "stories") }}{{ partial "card.html" . }}{{ end }}</div>
    <p><a href="/stories/">Tất cả tin bài →</a></p>
  </section>
  <section aria-labelledby="featured-heading">
    <h2 id="featured-heading">Gương điển hình</h2>
    <div class="cards">{{ range first 4 (where (where site.RegularPages "Section" "people") "Params.featured" true) }}{{ partial "card.html" . }}{{ end }}</div>
    <p><a href="/people/">Tất cả gương điển hình →</a></p>
  </section>
</div>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}<div class="wrap"><h1>Không tìm thấy trang</h1><p><a href="/">Về trang chủ</a></p></div>{{ end }}
""",
    "partials/card.html": """\
<article class="card">
  <p class="meta">{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>{{ end }}{{ with .Params.units }} · {{ index . 0 }}{{ end }}</p>
  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
</article>
""",
    "partials/pagination.html": """\
{{ if gt .TotalPages 1 }}
<nav class="pagination" aria-label="Phân trang">
  {{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">← Trang trước</a>{{ end }}
  <span>Trang {{ .PageNumber }}/{{ .TotalPages }}</span>
  {{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">Trang sau →</a>{{ end }}
</nav>
{{ end }}
""",
}

SECTION_TITLES = {"stories": "Tin tức", "people": "Gương điển hình", "milestones": "Cột mốc"}


def write_hugo(hugo: Path, title: str, stories, people, milestones) -> None:
    content = hugo / "content"
    for folder, items in (("stories", stories), ("people", people), ("milestones", milestones)):
        (content / folder).mkdir(parents=True)
        (content / folder / "_index.md").write_text(
            f"---\ntitle: {yaml_str(SECTION_TITLES[folder])}\n---\n", encoding="utf-8")
        for item in items:
            write_item(content / folder, item, item.hugo)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG.format(title=yaml_str(title)), encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = hugo / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # The same static assets as thidua's theme, so both sites publish them.
    assets = REPO / "Sources" / "ThiDuaKit" / "DefaultTheme" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, hugo / "static" / "assets")
