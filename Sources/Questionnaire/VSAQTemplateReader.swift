import Foundation

// Reads Google VSAQ questionnaire templates (github.com/google/vsaq, `questionnaires/*.json`).
//
// The templates are JavaScript object literals rather than strict JSON: they open with `//`
// licence comments and split long strings as `"..." +` across lines. So they are read by a small
// tolerant parser (``VSAQParser``) into a tree that keeps line numbers, and that tree is walked
// into a ``Questionnaire``.
//
// How each VSAQ item type becomes (or does not become) a ``QuestionnaireItem``:
//
// | VSAQ type         | item?  | answer type      | allowed answers                   | answer cell                  |
// |-------------------|--------|------------------|-----------------------------------|------------------------------|
// | `radiogroup`      | yes    | choice           | the choice labels, in order       | the choice ids, `,`-joined   |
// | `checkgroup`      | yes    | multiple-choice  | the choice (or `check`) labels    | the choice ids, `,`-joined   |
// | `yesno`           | yes    | choice           | its `yes` and `no` labels         | its id (`yes` / `no`)        |
// | `check`, `radio`  | yes    | choice           | `Yes`, `No`                       | its id (`checked` / empty)   |
// | `line`, `box`     | yes    | text             |                                   | its id                       |
// | `upload`          | yes    | text (+ a note)  |                                   | its id                       |
// | `block`           | no     | its text becomes a section of the items inside                                  |
// | `tip`             | no     | its text becomes guidance of the question its `cond` refers to                  |
// | `info`            | no     | its text is the question of a following group that has no text of its own      |
// | `spacer`, other   | no     | other types are counted in the sheet's reason                                   |
//
// VSAQ stores a radio or check group's answer under each choice's id (`{"choice_id": "checked"}`),
// not under the group's id, which is optional; so a group's answer cell lists the choice ids in
// the order of its allowed answers.

/// The most bytes a VSAQ template is read from: 64 MiB, hundreds of times the largest real one.
let vsaqMaximumSize = 64 << 20

/// How many objects and arrays may be nested in a VSAQ template.
let vsaqMaximumDepth = 128

/// Reads a VSAQ template (or template extension) into a Questionnaire: every item that takes an answer becomes an item.
///
/// The template may hold `//` and `/* */` comments, `"..." + "..."` concatenation, trailing
/// commas, single-quoted strings and unquoted keys. Text is stripped of HTML markup, its entities
/// decoded and its whitespace collapsed. Blocks give the items their sections; an extension's
/// items get a first section saying where they go (`insert after network`) and its namespace
/// in their ids (`mycompany:company_specific`), as VSAQ applies it. A group without an id gets
/// one made from its choice ids (``QuestionnaireItem/idGenerated`` is then true).
///
/// Tips (VSAQ's advice bubbles) are not items, although those with a `why` prompt take a
/// clarification in VSAQ; their text becomes the guidance of the question their condition
/// refers to.
/// - Parameter path: The template file.
/// - Returns: One sheet layout named after the file, and the items in template order.
/// - Throws: ``QuestionnaireError``: `unreadable`, `tooLarge`, `syntax` (with line and column),
///   `notAVSAQTemplate` or `invalidTemplate`.
public func readVSAQTemplate(path: String) throws -> Questionnaire {
    let bytes = try readVSAQBytes(path: path)
    let root: VSAQValue
    do throws(VSAQSyntaxError) {
        root = try VSAQParser.parse(bytes)
    } catch {
        throw QuestionnaireError.syntax(path: path, line: error.line, column: error.column, message: error.message)
    }
    return try VSAQTemplateWalker.questionnaire(from: root, path: path)
}

/// Whether bytes look like a VSAQ template (JSON-ish, with "questionnaire" or "extensions" at the top level), cheaply.
///
/// Only the first 64 KiB are looked at: they must open an object (after any comments) whose keys,
/// read in order, reach `questionnaire` or `extensions` with an array value.
/// - Parameter bytes: The file's bytes, or its first few kilobytes.
/// - Returns: True if a VSAQ template or template extension starts there.
public func looksLikeVSAQTemplate(_ bytes: [UInt8]) -> Bool {
    VSAQParser.startsWithTemplateKey(Array(bytes.prefix(64 << 10)))
}

/// Reads at most ``vsaqMaximumSize`` bytes of a file.
func readVSAQBytes(path: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw QuestionnaireError.unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
        throw QuestionnaireError.unreadable(path: path, reason: "it is a directory")
    }
    let data: Data?
    do {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        data = try handle.read(upToCount: vsaqMaximumSize + 1)
    } catch {
        throw QuestionnaireError.unreadable(path: path, reason: error.localizedDescription)
    }
    let bytes = [UInt8](data ?? Data())
    guard bytes.count <= vsaqMaximumSize else {
        throw QuestionnaireError.tooLarge(path: path, limit: vsaqMaximumSize)
    }
    return bytes
}

// MARK: - Walking the template

/// Walks a parsed VSAQ template into a ``Questionnaire``.
struct VSAQTemplateWalker {
    /// The guidance given with an `upload` item.
    static let uploadNote = "VSAQ asks for a file upload here (PDF, ODT, DOC or DOCX)."

    private let path: String
    private let namespace: String?
    /// Every id in the template (items and choices), with the namespace applied.
    private let templateIDs: Set<String>
    private var usedIDs: Set<String> = []
    private var items: [QuestionnaireItem] = []
    private var blockCount = 0
    private var skippedTypes: [String: Int] = [:]
    private var lineSuffixes: [String: Int] = [:]

    private init(path: String, namespace: String?, templateIDs: Set<String>) {
        self.path = path
        self.namespace = namespace
        self.templateIDs = templateIDs
    }

    /// Reads the questionnaire from a parsed template or template extension.
    static func questionnaire(from root: VSAQValue, path: String) throws -> Questionnaire {
        var walker: VSAQTemplateWalker
        let kind: String
        if let top = root.elements {
            // VSAQ's own `setTemplate` takes a bare array of items; accept that too.
            walker = VSAQTemplateWalker(path: path, namespace: nil, templateIDs: collectIDs(top, namespace: nil))
            try walker.walk(top, section: [], blockTitle: nil)
            kind = "VSAQ template"
        } else if root.members == nil {
            throw QuestionnaireError.notAVSAQTemplate(
                path: path,
                reason: "the file holds \(root.kindName), not an object"
            )
        } else if let questionnaire = root["questionnaire"] {
            guard let top = questionnaire.elements else {
                throw QuestionnaireError.notAVSAQTemplate(
                    path: path,
                    reason: "\"questionnaire\" on line \(questionnaire.line) is \(questionnaire.kindName), not an array"
                )
            }
            walker = VSAQTemplateWalker(path: path, namespace: nil, templateIDs: collectIDs(top, namespace: nil))
            try walker.walk(top, section: [], blockTitle: nil)
            kind = "VSAQ template"
        } else if let extensions = root["extensions"] {
            guard let entries = extensions.elements else {
                throw QuestionnaireError.notAVSAQTemplate(
                    path: path,
                    reason: "\"extensions\" on line \(extensions.line) is \(extensions.kindName), not an array"
                )
            }
            let namespace = root["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            walker = VSAQTemplateWalker(
                path: path,
                namespace: namespace,
                templateIDs: collectIDs(entries, namespace: namespace)
            )
            for (position, entry) in entries.enumerated() {
                let anchor = try insertionPoint(of: entry, position: position, path: path)
                try walker.walk([entry], section: [anchor], blockTitle: nil)
            }
            kind = namespace.map { "VSAQ template extension (namespace \($0))" } ?? "VSAQ template extension"
        } else {
            let keys = (root.members ?? []).prefix(5).map { "\"\($0.key)\"" }.joined(separator: ", ")
            throw QuestionnaireError.notAVSAQTemplate(
                path: path,
                reason: "its top-level object has no \"questionnaire\" or \"extensions\" key"
                    + (keys.isEmpty ? "" : " (it has \(keys))")
            )
        }
        return walker.result(kind: kind)
    }

    /// `insert after <id>` or `insert before <id>` for one extension entry.
    private static func insertionPoint(of entry: VSAQValue, position: Int, path: String) throws -> String {
        let after = entry["insertAfter"]?.string
        let before = entry["insertBefore"]?.string
        switch (after, before) {
        case (let id?, nil): return "insert after \(id)"
        case (nil, let id?): return "insert before \(id)"
        default:
            throw QuestionnaireError.invalidTemplate(
                path: path,
                line: entry.line,
                reason: "extension \(position + 1) must have either \"insertAfter\" or \"insertBefore\" "
                    + "(a string id), not both or neither"
            )
        }
    }

    /// Every item and choice id under `values`, with the namespace applied.
    private static func collectIDs(_ values: [VSAQValue], namespace: String?) -> Set<String> {
        var ids: Set<String> = []
        var pending = values
        while let value = pending.popLast() {
            if let id = value["id"]?.string { ids.insert(qualified(id, namespace)) }
            for choice in value["choices"]?.elements ?? [] {
                if let key = choice.members?.first?.key { ids.insert(qualified(key, namespace)) }
            }
            pending.append(contentsOf: value["items"]?.elements ?? [])
        }
        return ids
    }

    private static func qualified(_ id: String, _ namespace: String?) -> String {
        namespace.map { "\($0):\(id)" } ?? id
    }

    private func result(kind: String) -> Questionnaire {
        var reason = "\(kind): \(count(items.count, "item")) in \(count(blockCount, "block"))"
        if !skippedTypes.isEmpty {
            let skipped = skippedTypes.sorted { $0.key < $1.key }.map {
                "\(count($0.value, "item")) of type `\($0.key)`"
            }
            reason += "; passed over \(skipped.joined(separator: ", ")), which VSAQ does not know"
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let layout = SheetLayout(
            sheet: name,
            status: items.isEmpty ? .ignored : .questionnaire,
            reason: items.isEmpty ? reason + "; no questions found" : reason,
            itemCount: items.count
        )
        return Questionnaire(file: path, format: .vsaq, sheets: [layout], items: items)
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Walks one array of sibling items.
    private mutating func walk(_ siblings: [VSAQValue], section: [String], blockTitle: String?) throws {
        // The text an item without text of its own borrows: that of the nearest sibling before it
        // that is an `info` or a question with text, passing over tips, spacers and questions
        // without text, but not over a block.
        var borrowable: String?
        // For each answer key (as written), the index in `items` of the latest question with it.
        var questionsByKey: [String: Int] = [:]
        for sibling in siblings {
            guard sibling.members != nil else {
                throw QuestionnaireError.invalidTemplate(
                    path: path,
                    line: sibling.line,
                    reason: "an item must be an object with a \"type\", not \(sibling.kindName)"
                )
            }
            let type = sibling["type"]?.string ?? ""
            let text = VSAQText.plain(sibling["text"]?.string ?? "")
            switch type {
            case "block":
                blockCount += 1
                try walk(
                    sibling["items"]?.elements ?? [],
                    section: text.isEmpty ? section : section + [text],
                    blockTitle: text.isEmpty ? blockTitle : text
                )
                borrowable = nil
            case _ where VSAQItemKind(rawValue: type) != nil:
                guard let kind = VSAQItemKind(rawValue: type) else { break }  // the item types that take an answer
                let question = text.isEmpty ? borrowable ?? blockTitle ?? sibling["id"]?.string ?? "" : text
                let (item, keys) = makeItem(sibling, kind: kind, section: section, question: question)
                for key in keys { questionsByKey[key] = items.count }
                usedIDs.insert(item.id)
                items.append(item)
                if !text.isEmpty { borrowable = text }
            case "tip":
                attachTip(sibling, questionsByKey: questionsByKey)
            case "info":
                if !text.isEmpty { borrowable = text }
            case "spacer":
                break
            default:
                skippedTypes[type.isEmpty ? "(none)" : type, default: 0] += 1
                borrowable = nil
            }
        }
    }

    /// The choices of a group: its `choices` (`{"id": "label"}`), then any `check` or `radio` items inside.
    private func choices(of group: VSAQValue) -> [(id: String?, label: String)] {
        var choices: [(id: String?, label: String)] = []
        for choice in group["choices"]?.elements ?? [] {
            if let member = choice.members?.first {
                choices.append((member.key, VSAQText.plain(member.value.string ?? "")))
            } else if let label = choice.string {
                choices.append((nil, VSAQText.plain(label)))
            }
        }
        for child in group["items"]?.elements ?? [] {
            let type = child["type"]?.string
            if type == "check" || type == "radio" {
                choices.append((child["id"]?.string, VSAQText.plain(child["text"]?.string ?? "")))
            }
        }
        return choices
    }

    /// Makes the item for one answerable VSAQ item, and returns the answer keys tips may name.
    private mutating func makeItem(
        _ value: VSAQValue,
        kind: VSAQItemKind,
        section: [String],
        question: String
    ) -> (QuestionnaireItem, Set<String>) {
        let type = kind.rawValue
        let ownID = value["id"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let isGroup = kind == .radiogroup || kind == .checkgroup
        let groupChoices = isGroup ? choices(of: value) : []
        let choiceIDs = groupChoices.compactMap(\.id)
        let id =
            ownID.map { Self.qualified($0, namespace) }
            ?? generatedID(choiceIDs: choiceIDs, type: type, line: value.line)
        var item = QuestionnaireItem(
            id: id,
            idGenerated: ownID == nil,
            section: section,
            question: question,
            answerTarget: ownID.map { .vsaqKeys([Self.qualified($0, namespace)], kind: kind) },
            allowedAnswersSource: .template
        )
        switch kind {
        case .radiogroup, .checkgroup:
            item.answerType = kind == .radiogroup ? .choice : .multipleChoice
            item.allowedAnswers = groupChoices.map(\.label)
            if case .bool(true) = value["defaultChoice"]?.kind {
                item.allowedAnswers.append("None of the above.")  // VSAQ's text; it has no stable answer key
            }
            let keys = choiceIDs.map { Self.qualified($0, namespace) }
            item.answerTarget = keys.isEmpty ? nil : .vsaqKeys(keys, kind: kind)
        case .yesno:
            item.answerType = .choice
            let yes = VSAQText.plain(value["yes"]?.string ?? "")
            let no = VSAQText.plain(value["no"]?.string ?? "")
            item.allowedAnswers = [yes.isEmpty ? "Yes" : yes, no.isEmpty ? "No" : no]
        case .check, .radio:
            item.answerType = .choice
            item.allowedAnswers = ["Yes", "No"]
        case .upload:
            item.guidance = Self.uploadNote
        case .line, .box:
            break  // free text
        }
        if item.allowedAnswers.isEmpty { item.allowedAnswersSource = nil }
        // Tips' conditions name answer keys as written; in an extension they may also carry the namespace.
        let keys = choiceIDs + (ownID.map { [$0] } ?? [])
        return (item, Set(keys + (namespace == nil ? [] : keys.map { Self.qualified($0, namespace) })))
    }

    /// An id for a group that has none: the choice ids' common stem (`secprog_ra` from
    /// `secprog_ra_often`, `secprog_ra_rare`) if no other id uses it, else the first choice's id,
    /// else the type and line (`checkgroup-line17`).
    private mutating func generatedID(choiceIDs: [String], type: String, line: Int) -> String {
        var candidates: [String] = []
        if let first = choiceIDs.first {
            var stem = choiceIDs.dropFirst().reduce(Substring(first)) { stem, id in
                stem.prefix(zip(stem, id).prefix { $0 == $1 }.count)
            }
            if let cut = stem.lastIndex(where: { "_-:.".contains($0) }) {
                stem = stem[..<cut]
                let qualified = Self.qualified(String(stem), namespace)
                if !stem.isEmpty, !templateIDs.contains(qualified) { candidates.append(qualified) }
            }
            candidates.append(Self.qualified(first, namespace))
        }
        candidates.append("\(type)-line\(line)")
        for candidate in candidates where !usedIDs.contains(candidate) {
            return candidate
        }
        // Several items on one line: number them; the count is kept so this stays linear.
        let base = "\(type)-line\(line)"
        var suffix = lineSuffixes[base, default: 2]
        while usedIDs.contains("\(base)-\(suffix)") { suffix += 1 }
        lineSuffixes[base] = suffix + 1
        return "\(base)-\(suffix)"
    }

    /// Adds a tip's text to the guidance of the nearest question before it whose answer its `cond` tests.
    private mutating func attachTip(_ tip: VSAQValue, questionsByKey: [String: Int]) {
        let condition = tip["cond"]?.string ?? ""
        let names = condition.split { !($0.isLetter || $0.isNumber || "_:.-".contains($0)) }
        guard let target = names.compactMap({ questionsByKey[String($0)] }).max() else { return }
        let text = VSAQText.plain(tip["text"]?.string ?? "")
        guard !text.isEmpty else { return }
        if items[target].guidance == nil {
            items[target].guidance = text
        } else {
            items[target].guidance?.append("\n" + text)  // in place, so many tips on one question stay linear
        }
    }
}
