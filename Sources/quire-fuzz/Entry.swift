import Foundation

/// A private folder for the file each input is written to, made once per process.
let scratch: String = {
    let folder = NSTemporaryDirectory() + "quire-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}()

#if QUIRE_FUZZ
    /// The target this fuzzing process drives: `QUIRE_FUZZ_TARGET`.
    let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["QUIRE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(
                Data(
                    "set QUIRE_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n"
                        .utf8
                )
            )
            exit(2)
        }
        return target
    }()

    /// libFuzzer's entry point: one input.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        selected.run(bytes, in: scratch)
        return 0
    }

    /// libFuzzer's driver, started from our own entry point.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The executable's entry point: SwiftPM names an executable module's `main`
    /// `<module>_main`, so libFuzzer's own `main` is not used; this hands over to its driver.
    @_cdecl("quire_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var vector = argv
        return runFuzzerDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
    }
#else
    /// Without libFuzzer: replays kept inputs through their targets, for the regression tests.
    ///
    ///     quire-fuzz TARGET FILE…        each file through one target
    ///     quire-fuzz --replay FOLDER     FOLDER/TARGET/* through each target
    ///
    /// Exits 0 once every input has been read (an error is a fine outcome); a crash ends it.
    @main
    struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            var runs: [(FuzzTarget, String)] = []
            if arguments.first == "--replay", arguments.count == 2 {
                for target in FuzzTarget.allCases {
                    let folder = arguments[1] + "/" + target.rawValue
                    for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                        runs.append((target, folder + "/" + name))
                    }
                }
            } else if let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 {
                runs = arguments.dropFirst().map { (target, $0) }
            } else {
                let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(
                    Data("usage: quire-fuzz (\(targets)) FILE…\n       quire-fuzz --replay FOLDER\n".utf8)
                )
                exit(64)
            }
            for (target, file) in runs {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
                    exit(66)
                }
                target.run(Array(data), in: scratch)
            }
            try? FileManager.default.removeItem(atPath: scratch)
            print("\(runs.count) inputs replayed")
        }
    }
#endif
