import ArgumentParser
import Pipeline

@main
struct Quire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Answer security questionnaires and keep control crosswalks from one control library.",
        discussion: """
            Reads vendor security questionnaires (XLSX, XLSM, CSV) offline, and a control library: the \
            built-in one (ISO/IEC 27001:2022, SOC 2, GDPR, NIST CSF 2.0 and common controls) with your \
            own files (JSON, YAML, CSV, XLSX) laid over it. Exit codes: 0 success, \
            64 usage error, 65 bad input data, 66 input missing, 70 internal error, 73 cannot create \
            output, 74 I/O error. The limits that guard against hostile files are raised with \
            QUIRE_READ_LIMITS=name=value,… (max-entry-size, max-compression-ratio, max-cell-size …; \
            see the README).
            """,
        version: "0.1.0",
        subcommands: [
            Sheets.self, Cat.self, Inspect.self, Map.self, Answer.self, Apply.self, Assess.self, LibraryCommand.self,
            Convert.self, Run.self, History.self,
            Crosswalk.self,
            StatementOfApplicability.self, Gaps.self, Frameworks.self, Requirements.self, Controls.self, Xref.self,
            Validate.self, Diff.self, Debug.self,
        ]
    )
}
