import Foundation

extension Library {
    /// The built-in library: every framework catalog and Quire's common controls, decoded once
    /// from the JSON compiled into the binary (generated from `Catalogs/` by `make catalog`).
    public static let builtIn: Library = {
        do {
            return try JSONDecoder().decode(Library.self, from: Data(builtInLibraryJSON.utf8))
        } catch {
            // The embedded text is checked by a test against Catalogs/; this cannot happen in a
            // released binary.
            preconditionFailure("the built-in library does not decode: \(error)")
        }
    }()

    /// The canonical JSON the built-in library is embedded as.
    public static var builtInJSON: String { builtInLibraryJSON }
}

extension LibraryIndex {
    /// The built-in library, checked and indexed once.
    public static let builtIn = LibraryIndex(.builtIn)
}
