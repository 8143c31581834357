/// One framework's lookups: ids and aliases by their loose key, and suggestions for ids that
/// are not there.
struct FrameworkIndex: Sendable {
    let framework: Framework
    private let positions: [RequirementKey: Int]
    private let aliases: [RequirementKey: [String]]

    init(_ framework: Framework) {
        self.framework = framework
        var positions: [RequirementKey: Int] = [:]
        for (position, requirement) in framework.requirements.enumerated() {
            positions[RequirementKey(requirement.id)] = positions[RequirementKey(requirement.id)] ?? position
        }
        self.positions = positions
        var aliases: [RequirementKey: [String]] = [:]
        for (alias, targets) in framework.aliases {
            aliases[RequirementKey(alias)] = targets
        }
        self.aliases = aliases
    }

    /// The requirement whose id this is, written loosely; aliases are not followed.
    func requirement(_ id: String) -> Requirement? {
        positions[RequirementKey(id)].map { framework.requirements[$0] }
    }

    /// The current ids a written id stands for: itself, what its alias names, or, for
    /// `Art. 32(1)(b)`, the article the paragraph belongs to.
    func resolve(_ id: String) -> [String]? {
        if let requirement = requirement(id) { return [requirement.id] }
        if let targets = aliases[RequirementKey(id)] {
            return targets.compactMap { requirement($0)?.id }
        }
        var trimmed = Substring(id.trimmingSpaces())
        while trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            trimmed = trimmed[..<open]
            if let requirement = requirement(String(trimmed)) { return [requirement.id] }
        }
        return nil
    }

    /// What the user may have meant by an unknown id: a hint naming the range its siblings
    /// run over, and up to three ids a typo or two away.
    func suggestions(for id: String) -> String {
        let key = RequirementKey(id)
        var phrases: [String] = []
        if key.parts.count > 1 {
            let parentParts = Array(key.parts.dropLast())
            let siblings = framework.requirements.filter {
                !$0.isHeading && Array(RequirementKey($0.id).parts.dropLast()) == parentParts
            }
            if let first = siblings.first, let last = siblings.last, siblings.count > 1 {
                phrases.append("\(framework.id) numbers these from \(first.id) to \(last.id)")
            }
        }
        let written = key.description
        let near = framework.requirements.lazy
            .filter { !$0.isHeading }
            .map { ($0.id, RequirementKey.distance(written, RequirementKey($0.id).description, limit: 2)) }
            .filter { $0.1 <= 2 }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : RequirementKey.precedes($0.0, $1.0) }
            .prefix(3)
            .map(\.0)
        if !near.isEmpty {
            phrases.append("did you mean \(near.joined(separator: ", "))?")
        }
        return phrases.isEmpty ? "see `quire requirements \(framework.id)`" : phrases.joined(separator: "; ")
    }
}

/// The loose form of a framework name: lower-case letters and digits only
/// (`ISO/IEC 27001:2022` → `isoiec270012022`).
func frameworkNameKey(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
}
