import ControlModel
import Exchange
import Foundation

// Regenerates the built-in library compiled into Quire:
//     generate-builtin-library [CATALOGS-FOLDER [OUTPUT.swift]]
// reads Catalogs/ and writes Sources/ControlModel/BuiltInLibraryData.swift (only if it changed).

let arguments = CommandLine.arguments.dropFirst()
let folder = arguments.first ?? "Catalogs"
let output = arguments.dropFirst().first ?? "Sources/ControlModel/BuiltInLibraryData.swift"

do {
    let library = try BuiltInCatalog.build(from: folder)
    let source = BuiltInCatalog.swiftSource(embedding: BuiltInCatalog.canonicalJSON(library))
    let existing = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) }
    if existing == source {
        print("\(output) is up to date")
    } else {
        try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        let counts = library.frameworks.map { "\($0.id) \($0.assessable.count)" }.joined(separator: ", ")
        print("wrote \(output): \(counts); \(library.controls.count) controls")
    }
} catch let error as BuiltInCatalog.BuildError {
    FileHandle.standardError.write(Data("generate-builtin-library: \(folder) has problems:\n\(error)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("generate-builtin-library: \(error)\n".utf8))
    exit(1)
}
