import Yams

/// Parses the structured files of `content/`: `site.yml`, `timeline.yml`, `movements.yml`.
enum DataFileParser {
    static func siteConfig(_ file: SourceFile?) -> Result<SiteConfig, BuildFailure> {
        guard let file else {
            return .failure(BuildFailure([Diagnostic(path: "content/site.yml", message: "missing site.yml; it needs at least 'title' and 'baseURL'")]))
        }
        return document(file).flatMap { yaml in
            var reader = MappingReader(yaml, what: "site.yml")
            let site = SiteFile(&reader)
            var problems = reader.problems
            var permalinks: [ContentKind: String] = [:]
            for (name, pattern, node) in site.permalinks ?? [] {
                guard let kind = ContentKind(rawValue: name) else {
                    problems.append(yaml.diagnostic(at: node, "unknown collection '\(name)' in permalinks; use pages, stories, people or milestones"))
                    continue
                }
                guard pattern.contains(":slug"), pattern.hasPrefix("/"), pattern.hasSuffix("/") else {
                    problems.append(yaml.diagnostic(at: node, "permalink '\(pattern)' must start and end with '/' and contain ':slug'"))
                    continue
                }
                permalinks[kind] = pattern
            }
            if let limit = site.feed?.limit, limit < 1 {
                problems.append(yaml.diagnostic(at: yaml.node(at: ["feed", "limit"]), "'feed.limit' must be at least 1"))
            }
            if let paginate = site.paginate, paginate < 1 {
                problems.append(yaml.diagnostic(at: yaml.node(at: ["paginate"]), "'paginate' must be at least 1"))
            }
            for (key, megabytes) in [("text", site.limits?.text), ("media", site.limits?.media)] {
                if let megabytes, megabytes < 1 {
                    problems.append(yaml.diagnostic(at: yaml.node(at: ["limits", .key(key)]), "'limits.\(key)' must be at least 1 (megabytes)"))
                }
            }
            guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
            let base = site.baseURL.hasSuffix("/") ? site.baseURL : site.baseURL + "/"
            return .success(SiteConfig(
                title: site.title, baseURL: base, description: site.description,
                language: site.language ?? "vi", organisation: site.organisation,
                menu: (site.menu ?? []).enumerated().map {
                    SiteConfig.MenuItem(title: $0.element.title, url: $0.element.url, weight: $0.element.weight ?? $0.offset)
                }.sorted { ($0.weight, $0.title) < ($1.weight, $1.title) },
                permalinks: permalinks, paginate: site.paginate ?? 10,
                feedLimit: site.feed?.limit ?? 20, feedContent: site.feed?.content ?? .summary, image: site.image,
                logo: site.logo,
                images: SiteConfig.Images(cache: site.images?.cache?.nonEmpty ?? SiteConfig.Images.defaultCache,
                                          originals: site.images?.originals ?? false),
                limits: SiteConfig.Limits(text: site.limits?.text.map { $0 * 1_000_000 } ?? SiteConfig.Limits.defaultText,
                                          media: site.limits?.media.map { $0 * 1_000_000 } ?? SiteConfig.Limits.defaultMedia),
                positions: Dictionary(uniqueKeysWithValues: ["image", "logo"].map { ($0, yaml.position(of: yaml.node(at: [.key($0)]))) }),
                params: reader.params(excluding: SiteFile.knownKeys)))
        }
    }

    static func timeline(_ file: SourceFile?) -> Result<Timeline, BuildFailure> {
        guard let file else {
            return .failure(BuildFailure([Diagnostic(path: "content/timeline.yml", message: "missing timeline.yml; it needs 'campaign' and 'phases'")]))
        }
        return document(file).flatMap { yaml in
            var reader = MappingReader(yaml, what: "timeline.yml")
            let raw = TimelineFile(&reader)
            let validator = TimelineValidator(yaml: yaml, campaign: raw.campaign, phases: raw.phases, events: raw.events ?? [])
            let problems = reader.problems + validator.problems()
            guard problems.isEmpty, let campaign = raw.campaign else { return .failure(BuildFailure(problems)) }
            return .success(validator.timeline(campaign: campaign))
        }
    }

    static func movements(_ file: SourceFile?) -> Result<[Movement], BuildFailure> {
        guard let file else { return .success([]) }
        return document(file).flatMap { yaml in
            var (raw, problems) = MappingReader.list(of: yaml, named: "movements") { MovementFile(&$0) }
            var seen: Set<String> = []
            for (index, movement) in raw.enumerated() where !movement.id.isEmpty {
                let at = yaml.node(at: [.index(index), "id"])
                if !seen.insert(movement.id).inserted {
                    problems.append(yaml.diagnostic(at: at, "movement id '\(movement.id)' is used twice"))
                } else if Slug.make(movement.id) != movement.id {
                    problems.append(yaml.diagnostic(at: at, "movement id '\(movement.id)' must be lower-case letters, digits and hyphens, like '\(Slug.make(movement.id))'"))
                }
            }
            guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
            return .success(raw.map {
                Movement(id: $0.id, title: $0.title, description: $0.description, launchedBy: $0.by)
            })
        }
    }

    private static func document(_ file: SourceFile) -> Result<YAMLDocument, BuildFailure> {
        TextDecoding.decode(file)
            .flatMap { YAMLDocument.compose($0, path: file.path) }
            .mapError { BuildFailure([$0]) }
    }
}
