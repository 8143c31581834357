import Reports
import Spreadsheet

/// How `quire sheets` prints its description.
public enum SheetsFormat: String, Sendable, CaseIterable {
    /// A readable outline, one block per sheet.
    case text
    /// One JSON document (Schemas/sheets.schema.json).
    case json
}

/// `quire sheets`: prints each sheet's name, visibility, extent, merged ranges and data validations, with list
/// validations resolved to their allowed values.
public func describeSheets(path: String, format: SheetsFormat, destination: OutputDestination = .standardOutput)
    throws
{
    let workbook = try Workbook(path: path)
    let spool = Spool()
    var output = OutputBuffer(spool: spool)
    var described: [(SheetInfo, SheetMetadata)] = []
    for sheet in workbook.sheets {
        described.append((sheet, try workbook.metadata(of: sheet)))
    }
    switch format {
    case .text:
        output.append("\(path): \(workbook.format.rawValue), \(workbook.sheets.count) sheet")
        output.append(workbook.sheets.count == 1 ? "\n" : "s\n")
        for (sheet, metadata) in described {
            output.append("\n\(sheet.index + 1). \(sheet.name) [\(sheet.visibility.rawValue)]\n")
            output.append("   used range: \(metadata.usedRange?.a1 ?? "none")")
            if let declared = metadata.declaredDimension, declared != metadata.usedRange {
                output.append(" (file declares \(declared.a1))")
            }
            output.append("; \(counted(metadata.rowCount, "row")), \(counted(metadata.cellCount, "cell"))\n")
            if !metadata.mergedRanges.isEmpty {
                output.append("   merged (\(metadata.mergedRanges.count)): ")
                output.append(metadata.mergedRanges.map(\.a1).joined(separator: " "))
                output.append("\n")
            }
            if !metadata.validations.isEmpty {
                output.append("   validations (\(metadata.validations.count)):\n")
                for rule in metadata.validations {
                    output.append("   - \(rule.kind.rawValue) on \(rule.ranges.map(\.a1).joined(separator: " "))")
                    if let formula = rule.formula1 { output.append(" from \(formula)") }
                    if let formula = rule.formula2 { output.append(" to \(formula)") }
                    if let values = rule.listValues {
                        output.append(": " + values.map { "\"\($0)\"" }.joined(separator: ", "))
                    } else if let reason = rule.unresolvedReason {
                        output.append(" (unresolved: \(reason))")
                    }
                    output.append("\n")
                }
            }
        }
    case .json:
        output.append("{\"file\":")
        output.appendJSONString(path)
        output.append(",\"format\":\"\(workbook.format.rawValue)\",\"dateSystem\":\"\(workbook.dateSystem.rawValue)\"")
        output.append(",\"definedNames\":[")
        for (number, name) in workbook.definedNames.enumerated() {
            if number > 0 { output.append(",") }
            output.append("\n{\"name\":")
            output.appendJSONString(name.name)
            if let scope = name.sheetIndex { output.append(",\"sheetIndex\":\(scope)") }
            output.append(",\"formula\":")
            output.appendJSONString(name.formula)
            output.append("}")
        }
        output.append("],\"sheets\":[")
        for (number, (sheet, metadata)) in described.enumerated() {
            if number > 0 { output.append(",") }
            output.append("\n{\"name\":")
            output.appendJSONString(sheet.name)
            output.append(",\"index\":\(sheet.index),\"visibility\":\"\(sheet.visibility.rawValue)\"")
            if let used = metadata.usedRange { output.append(",\"usedRange\":\"\(used.a1)\"") }
            if let declared = metadata.declaredDimension { output.append(",\"declaredDimension\":\"\(declared.a1)\"") }
            output.append(",\"rows\":\(metadata.rowCount),\"cells\":\(metadata.cellCount),\"merged\":[")
            output.append(metadata.mergedRanges.map { "\"\($0.a1)\"" }.joined(separator: ","))
            output.append("],\"validations\":[")
            for (ruleNumber, rule) in metadata.validations.enumerated() {
                if ruleNumber > 0 { output.append(",") }
                appendValidationJSON(rule, &output)
            }
            output.append("]}")
        }
        output.append("\n]}\n")
    }
    try output.flush()
    try spool.deliver(to: destination)
}

private func appendValidationJSON(_ rule: DataValidation, _ output: inout OutputBuffer) {
    output.append("\n{\"type\":\"\(rule.kind.rawValue)\",\"ranges\":[")
    output.append(rule.ranges.map { "\"\($0.a1)\"" }.joined(separator: ","))
    output.append("]")
    let optionalTexts: [(String, String?)] = [
        ("formula1", rule.formula1), ("formula2", rule.formula2), ("operator", rule.comparison),
        ("promptTitle", rule.promptTitle), ("prompt", rule.prompt), ("errorTitle", rule.errorTitle),
        ("error", rule.error), ("unresolved", rule.unresolvedReason),
    ]
    for case (let key, let value?) in optionalTexts {
        output.append(",\"\(key)\":")
        output.appendJSONString(value)
    }
    output.append(",\"allowBlank\":\(rule.allowBlank),\"showsDropDown\":\(rule.showsDropDown)")
    output.append(",\"extension\":\(rule.isExtension)")
    if let values = rule.listValues {
        output.append(",\"values\":[")
        for (number, value) in values.enumerated() {
            if number > 0 { output.append(",") }
            output.appendJSONString(value)
        }
        output.append("]")
    }
    output.append("}")
}
