/// A theme small enough that a whole built site can be read in a test: one line per page
/// naming what the page shows.
enum MiniTheme {
    static let files: [String: String] = [
        "theme/templates/base.mustache": "<html lang=\"{{site.language}}\"><title>{{page.title}}</title>{{{fragments.nav}}}{{$main}}{{/main}}</html>\n",
        // Rendered once per state of the menu; sees the site's keys and the menu only.
        "theme/templates/fragments/nav.mustache": "<nav>{{#menu}}{{title}}{{#current}}*{{/current}},{{/menu}}</nav>",
        "theme/templates/home.mustache": """
        {{<base}}{{$main}}{{campaign.title}}|{{status.text}}|{{#upcoming}}{{date.short}} {{title}}{{#anniversary}} ({{label}}){{/anniversary}};{{/upcoming}}|{{#latest}}{{{card}}};{{/latest}}|{{#featured}}{{title}};{{/featured}}{{/main}}{{/base}}
        """,
        "theme/templates/page.mustache": "{{<base}}{{$main}}{{{page.content}}}{{/main}}{{/base}}",
        "theme/templates/story.mustache": """
        {{<base}}{{$main}}{{page.date.long}}|{{page.phase.title}}|{{page.movement.title}}|{{page.unit.title}}|{{#page.tags}}{{url}} {{/page.tags}}|{{{page.content}}}{{/main}}{{/base}}
        """,
        "theme/templates/person.mustache": "{{<base}}{{$main}}{{page.kindLabel}}|{{page.role}}|{{page.unit.url}}|{{{page.content}}}{{/main}}{{/base}}",
        "theme/templates/milestone.mustache": "{{<base}}{{$main}}{{page.date.short}}|{{page.anniversary.label}}|{{page.phase.id}}{{/main}}{{/base}}",
        "theme/templates/list.mustache": "{{<base}}{{$main}}{{#items}}{{url}}{{{card}}};{{/items}}|{{pagination.label}}{{#pagination.previous}}<{{/pagination.previous}}{{#pagination.next}}>{{/pagination.next}}{{/main}}{{/base}}",
        // Cards are rendered once per item and see the site's keys; milestones have none here.
        "theme/templates/cards/story.mustache": "[{{title}} {{date.iso}} {{site.language}}]",
        "theme/templates/cards/person.mustache": "[{{title}}{{#collective}} *{{/collective}}]",
        "theme/templates/terms.mustache": "{{<base}}{{$main}}{{#terms}}{{title}}={{count}};{{/terms}}{{/main}}{{/base}}",
        "theme/templates/term.mustache": "{{<base}}{{$main}}{{term.kind}}|{{#stories}}{{url}}{{{card}}};{{/stories}}|{{#people}}{{url}}{{{card}}};{{/people}}|{{#milestones}}{{url}};{{/milestones}}{{/main}}{{/base}}",
        "theme/templates/timeline.mustache": """
        {{<base}}{{$main}}{{#sections}}[{{phase.id}}{{#phase.current}}*{{/phase.current}}:{{#undated}}{{title}} ({{anniversary.label}});{{/undated}}{{#entries}}{{date.short}} {{kind}} {{title}}{{#anniversary}} ({{label}}){{/anniversary}};{{/entries}}]{{/sections}}{{/main}}{{/base}}
        """,
        "theme/templates/404.mustache": "{{<base}}{{$main}}{{t.notFound.title}}{{/main}}{{/base}}",
        "theme/templates/search.mustache": "{{<base}}{{$main}}search {{assets.site.css}}{{/main}}{{/base}}",
        "theme/templates/alias.mustache": "->{{target.url}}\n",
        "theme/templates/feed.xml.mustache": "{{feed.self}}|{{feed.updated}}|{{#entries}}{{id}} {{updated}};{{/entries}}\n",
        "theme/templates/calendar.ics.mustache": """
        BEGIN:VCALENDAR
        {{#events}}
        UID:{{uid}}
        DTSTART;VALUE=DATE:{{start}}
        SUMMARY:{{summary}}
        {{/events}}
        END:VCALENDAR

        """,
        "theme/templates/sitemap.xml.mustache": "{{#urls}}{{loc}} {{lastmod}};{{/urls}}\n",
        "theme/templates/robots.txt.mustache": "Sitemap: {{sitemap}}\n",
        "theme/i18n/vi.yml": """
        date: {short: "{dd}/{mm}/{yyyy}", long: "ngày {dd} tháng {m12} năm {yyyy}"}
        home: {progress: "{percent}% còn {days} ngày", notStarted: "chưa", ended: "xong", betweenPhases: "giữa"}
        list: {stories: "Tin", people: "Người", milestones: "Mốc", pageOf: "{page}/{total}"}
        terms: {tags: "Từ khóa", movements: "Phong trào", phases: "Đợt", units: "Đơn vị"}
        term: {tags: "Từ khóa", movements: "Phong trào", phases: "Đợt", units: "Đơn vị"}
        person: {individual: "Cá nhân", collective: "Tập thể"}
        anniversary: {label: "Kỷ niệm {n} năm"}
        calendar: {phaseStart: "Bắt đầu {phase}", phaseEnd: "Kết thúc {phase}"}
        timeline: {title: "Dòng thời gian", kind: {event: "Sự kiện", milestone: "Mốc", story: "Tin"}}
        notFound: {title: "Không tìm thấy"}
        """,
        "theme/assets/site.css": "body{}\n",
    ]
}
