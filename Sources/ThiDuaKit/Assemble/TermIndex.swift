/// Files stories, people and milestones under their tags, movements, phases and units in one
/// pass over each list.
struct TermIndex {
    let timeline: Timeline
    let movements: [Movement]

    func build(stories: [Story], people: [Person], milestones: [Milestone])
        -> (terms: [TermKind: [Term]], slugs: [String: String]) {
        var movementTerms = Dictionary(uniqueKeysWithValues: movements.map {
            ($0.id, Term(kind: .movements, slug: $0.id, title: $0.title, description: $0.description))
        })
        var phaseTerms = Dictionary(uniqueKeysWithValues: timeline.phases.map {
            ($0.id, Term(kind: .phases, slug: $0.id, title: $0.title, description: $0.summary))
        })
        var tags: [String: Term] = [:]
        var units: [String: Term] = [:]
        // Thousands of stories share a few hundred tags and units: slugify each name once.
        var slugs: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = Slug.make(name)
            slugs[name] = made
            return made
        }

        func file(_ name: String, in terms: inout [String: Term], kind: TermKind, _ add: (inout Term) -> Void) {
            let slug = slug(name)
            guard !slug.isEmpty else { return }
            if terms[slug] == nil { terms[slug] = Term(kind: kind, slug: slug, title: name, description: nil) }
            add(&terms[slug]!)
        }

        for (index, story) in stories.enumerated() {
            // A tag written twice on one story is filed once.
            var filed: Set<String> = []
            for tag in story.tags where filed.insert(slug(tag)).inserted {
                file(tag, in: &tags, kind: .tags) { $0.stories.append(index) }
            }
            if let unit = story.unit { file(unit, in: &units, kind: .units) { $0.stories.append(index) } }
            if let movement = story.movement { movementTerms[movement]?.stories.append(index) }
            if let phase = story.phase { phaseTerms[phase]?.stories.append(index) }
        }
        for (index, person) in people.enumerated() {
            file(person.unit, in: &units, kind: .units) { $0.people.append(index) }
            if let movement = person.movement { movementTerms[movement]?.people.append(index) }
            if let phase = person.phase { phaseTerms[phase]?.people.append(index) }
        }
        for (index, milestone) in milestones.enumerated() {
            if let phase = milestone.phase { phaseTerms[phase]?.milestones.append(index) }
        }
        let terms: [TermKind: [Term]] = [
            .tags: ordered(Array(tags.values)),
            .units: ordered(Array(units.values)),
            .movements: movements.compactMap { movementTerms[$0.id] },
            .phases: timeline.phases.compactMap { phaseTerms[$0.id] },
        ]
        return (terms, slugs)
    }

    /// Free-text terms in Vietnamese alphabetical order of their names.
    private func ordered(_ terms: [Term]) -> [Term] {
        terms.map { (VietnameseCollation.key($0.title), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.slug < $1.1.slug }
            .map(\.1)
    }
}
