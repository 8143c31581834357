import ControlModel
import Testing

/// The built-in framework catalogs: counts, ids and tree shape.
@Suite struct BuiltInCatalogTests {
    let library = Library.builtIn

    func framework(_ id: String) throws -> Framework {
        try #require(library.frameworks.first { $0.id == id })
    }

    func matches(_ text: String, _ pattern: some RegexComponent) -> Bool {
        text.wholeMatch(of: pattern) != nil
    }

    @Test func theFourFrameworksAreThere() {
        #expect(library.frameworks.map(\.id) == ["iso27001-2022", "soc2-2017", "gdpr", "nist-csf-2.0"])
    }

    @Test func iso27001HasItsClausesAndAnnexAThemes() throws {
        let iso = try framework("iso27001-2022")
        let clauses = iso.assessable.filter { $0.kind == "clause" }
        let annex = iso.assessable.filter { $0.kind == "annex-control" }
        #expect(clauses.count == 34)
        #expect(annex.count == 93)
        #expect(iso.assessable.count == 127)
        var byTheme: [String: Int] = [:]
        for control in annex { byTheme[control.parent ?? "", default: 0] += 1 }
        #expect(byTheme == ["A.5": 37, "A.6": 8, "A.7": 14, "A.8": 34])
        #expect(clauses.allSatisfy { matches($0.id, /(4|5|6|7|8|9|10)\.[1-5](\.[1-3])?/) })
        #expect(annex.allSatisfy { matches($0.id, /A\.[5-8]\.[1-9][0-9]?/) })
        // Each theme's numbering runs without gaps.
        for (theme, count) in byTheme {
            let numbers = annex.filter { $0.parent == theme }.compactMap { Int($0.id.split(separator: ".").last ?? "") }
            #expect(numbers == Array(1...count), "\(theme)")
        }
        let headings = iso.requirements.filter(\.isHeading).map(\.id)
        #expect(headings == ["4", "5", "6", "7", "8", "9", "10", "A.5", "A.6", "A.7", "A.8"])
    }

    @Test func soc2HasAllSixtyOneCriteria() throws {
        let soc2 = try framework("soc2-2017")
        #expect(soc2.assessable.count == 61)
        var bySeriesPrefix: [String: Int] = [:]
        for criterion in soc2.assessable {
            #expect(matches(criterion.id, /(CC[1-9]|A1|C1|PI1|P[1-8])\.[0-9]/), "\(criterion.id)")
            bySeriesPrefix[String(criterion.id.prefix { $0.isLetter }), default: 0] += 1
        }
        #expect(bySeriesPrefix == ["CC": 33, "A": 3, "C": 2, "PI": 5, "P": 18])
    }

    @Test func gdprHasItsArticles() throws {
        let gdpr = try framework("gdpr")
        #expect(gdpr.assessable.count == 40)
        #expect(gdpr.assessable.allSatisfy { matches($0.id, /Art\.[1-9][0-9]?/) })
        #expect(gdpr.assessable.contains { $0.id == "Art.32" && $0.title == "Security of processing" })
    }

    @Test func nistCSFHasAllSubcategoriesUnderSixFunctions() throws {
        let csf = try framework("nist-csf-2.0")
        #expect(csf.assessable.count == 106)
        var byFunction: [String: Int] = [:]
        for subcategory in csf.assessable {
            #expect(matches(subcategory.id, /(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-[0-9]{2}/), "\(subcategory.id)")
            byFunction[String(subcategory.id.prefix(2)), default: 0] += 1
        }
        #expect(byFunction == ["GV": 31, "ID": 21, "PR": 22, "DE": 11, "RS": 13, "RC": 8])
        #expect(csf.requirements.filter { $0.kind == "category" }.count == 22)
    }

    @Test(arguments: ["iso27001-2022", "soc2-2017", "gdpr", "nist-csf-2.0"])
    func everyParentExistsAndComesFirst(id: String) throws {
        let framework = try framework(id)
        var seen: Set<String> = []
        for requirement in framework.requirements {
            #expect(!requirement.title.isEmpty, "\(requirement.id)")
            if let parent = requirement.parent {
                #expect(seen.contains(parent), "\(requirement.id) comes before its parent \(parent)")
            }
            #expect(seen.insert(requirement.id).inserted, "\(requirement.id) twice")
        }
    }

    @Test func iso2013AliasesPointAtAnnexAControls() throws {
        let iso = try framework("iso27001-2022")
        #expect(iso.aliases.count == 114)
        let annex = Set(iso.assessable.filter { $0.kind == "annex-control" }.map(\.id))
        for (old, current) in iso.aliases {
            #expect(matches(old, /A\.(5|6|7|8|9|10|11|12|13|14|15|16|17|18)\.[0-9]+\.[0-9]+/), "\(old)")
            #expect(!current.isEmpty && current.allSatisfy(annex.contains), "\(old) → \(current)")
        }
    }

    @Test func theBuiltInLibraryChecksClean() {
        #expect(LibraryIndex.builtIn.diagnostics.isEmpty, "\(LibraryIndex.builtIn.diagnostics.prefix(5))")
    }
}
