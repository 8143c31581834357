/// The shapes of a question phrased so that "Yes" is the bad answer, beyond the fixed phrases of
/// ``SecurityThesaurus/riskPhrases``: a safeguard bypassed ("without review", "without being
/// escorted"), a safeguard lacking ("unapproved", "unescorted"), a weak mechanism accepted ("are
/// SMS codes accepted as a factor?"), an account shared, a question
/// whether anything unwanted exists ("are there any …"), production data outside production,
/// and, the other way, a question in the organisation's own voice about a protective act ("Do
/// you prohibit shared accounts?"), which is never risk-phrased whatever it names.
///
/// Tuned on `bench/labelled/risk-phrasing-a.yaml`, `-b`, `-c`, `-e` and `-g`; `-d` and `-f` are
/// held out (`bench/risk_phrasing.py`).
enum RiskPhrasing {
    /// Whether the question asks whether the organisation itself does something protective:
    /// "Do you prohibit …", "Does your organisation screen …", "Do you formally track …".
    static func asksForProtectiveAct(_ tokens: [String]) -> Bool {
        guard tokens.count > 2, ["do", "does"].contains(tokens[0]) else { return false }
        // The verb: right after "you", or after a subject of one or two words ("your office rules").
        let starts: [Int]
        if ["you", "we"].contains(tokens[1]) {
            starts = [2]
        } else if ["your", "the"].contains(tokens[1]) {
            starts = [3, 4]
        } else {
            return false
        }
        return starts.contains { start in
            var index = start
            while index < tokens.count, adverbs.contains(tokens[index]) { index += 1 }
            guard index < tokens.count else { return false }
            // "Do you maintain an inventory of …", "Does the vendor keep a register of …".
            if ["maintain", "keep", "hold", "carry"].contains(tokens[index]),
                tokens[(index + 1)..<min(tokens.count, index + 4)].contains(where: records.contains)
            {
                return true
            }
            return protectiveActs.contains(Stemmer.stem(tokens[index]))
        }
    }

    /// Whether the question asks whether a process, policy or rule exists.
    ///
    /// "Is there a procedure for securely destroying USB drives?", "Are there rules for working in
    /// secure areas?": it asks for a safeguard, whatever risk it names.
    static func asksForProcess(_ tokens: [String]) -> Bool {
        let opening =
            tokens.starts(with: ["is", "there"]) || tokens.starts(with: ["are", "there"])
            || tokens.starts(with: ["do", "you", "have"]) || tokens.starts(with: ["does", "your"])
        // "Indicate whether a legal hold process exists": the same question, worded as a statement.
        let exists = tokens.indices.dropFirst().contains { index in
            ["exists", "exist"].contains(tokens[index]) && processWords.contains(tokens[index - 1])
        }
        return exists
            || (opening && !tokens.prefix(4).contains("any")
                && tokens.prefix(8).contains { processWords.contains($0) || rehearsals.contains($0) })
    }

    /// Whether the question asks about doing something without a safeguard: "without review",
    /// "without being escorted", "without that customer's explicit consent".
    static func bypassesSafeguard(_ tokens: [String]) -> Bool {
        tokens.indices.contains { index in
            // "without going through a VPN", "outside the IT procurement process"; "with no
            // segmentation", "phones not enrolled in MDM".
            // "Before contracting a supplier, …" sets the scene; "given access before completing
            // training" skips a step.
            let (reach, nouns): (Int, Set<String>)
            switch tokens[index] {
            case "without", "bypassing", "circumventing": (reach, nouns) = (8, safeguardNouns)
            // "kept … instead of being returned or destroyed"; not a note's "Instead, it refers to …".
            case "instead" where index + 1 < tokens.count && tokens[index + 1] == "of":
                (reach, nouns) = (8, safeguardNouns)
            case "no", "not": (reach, nouns) = (4, safeguardNouns)
            case "outside": (reach, nouns) = (4, steps)
            case "before" where index > 0: (reach, nouns) = (4, steps)
            default: return false
            }
            let window = tokens[(index + 1)..<min(tokens.count, index + reach)]
            // "providers not listed as sub-processors", "has not signed a DPA": as written, since
            // "not sign in through SSO" shares the stem. (Not for a skipped step: `reach` 8 or a
            // negation, never "outside"/"before", which look for steps.)
            let safeguardMissing = !["outside", "before"].contains(tokens[index])
            if safeguardMissing, window.contains(where: safeguardsAsWritten.contains) { return true }
            return window.contains { nouns.contains(Stemmer.stem($0)) }
                || zip(window, window.dropFirst()).contains { $0.hasPrefix("sign") && $1 == "off" }
        }
    }

    /// Whether the question asks for an assurance that something unwanted does not happen.
    ///
    /// "Will you commit that our data will not be used to train models?", "Please confirm that
    /// no breach occurred": "Yes" is the good answer.
    static func asksForAssurance(_ tokens: [String]) -> Bool {
        tokens.indices.contains { index in
            (assuranceVerbs.contains(tokens[index])
                && tokens[(index + 1)..<min(tokens.count, index + 3)].contains("that"))
                // "Can customers opt out of …": a right.
                || (tokens[index] == "opt" && index + 1 < tokens.count && tokens[index + 1] == "out")
                // "give us the right to object", "grant the customer unrestricted rights of audit".
                || (["right", "rights"].contains(tokens[index])
                    && tokens[max(0, index - 9)..<index].contains { grantees.contains($0) })
                // "subject to the same security controls as your headquarters"
                || (tokens[index] == "same" && index > 1 && ["the", "to"].contains(tokens[index - 1])
                    && ["subject", "held", "to"].contains(tokens[index - 2]))
        }
    }

    /// Whether the question asks whether something is still in use or held ("deprecated
    /// algorithms still used to protect data"): a weakness, whatever it is used for.
    static func lingers(_ tokens: [String]) -> Bool {
        tokens.indices.contains { index in
            let next = tokens[(index + 1)..<min(tokens.count, index + 3)]
            switch tokens[index] {
            case "still": return next.contains(where: lingering.contains)
            // "remain recoverable from backups", not "remain stored in the EU".
            case "remain", "remains": return next.contains(where: exposedStates.contains)
            default: return false
            }
        }
    }

    /// Whether the question places the data in one region and asks whether it is kept outside it.
    ///
    /// "Is the data in our EU-hosted workspace, or any backup copy of it, stored in the United
    /// States?"; not when it asks about the safeguard for such a transfer ("transferred to the
    /// United States under standard contractual clauses"): that is a process.
    static func leavesItsRegion(_ tokens: [String]) -> Bool {
        tokens.contains(where: homeRegions.contains)
            && otherCountries.contains { TextAnalyzer.contains(tokens, $0) }
            && tokens.contains(where: residencyVerbs.contains)
            && !tokens.contains(where: transferSafeguards.contains)
    }

    private static let homeRegions: Set<String> = ["eu", "eea", "european"]
    private static let otherCountries: [[String]] = [
        ["united", "states"], ["usa"], ["america"], ["china"], ["india"], ["russia"], ["third", "country"],
        ["third", "countries"], ["non", "eu"], ["non", "eea"],
    ]
    private static let residencyVerbs: Set<String> = [
        "stored", "store", "hosted", "host", "processed", "process", "replicated", "kept", "held", "located",
        "transferred", "transfer", "copied", "mirrored", "backed", "accessed", "sent", "moved",
    ]
    private static let transferSafeguards: Set<String> = [
        "clauses", "scc", "sccs", "framework", "dpf", "adequacy", "safeguards", "mechanism", "mechanisms", "bcr",
        "bcrs", "shield", "tia",
    ]

    /// Whether the question asks whether the customer's content trains someone's models: "use
    /// customer prompts or uploaded content to train or fine-tune its models".
    static func trainsOnCustomerContent(_ tokens: [String]) -> Bool {
        guard
            let to = tokens.indices.dropLast().first(where: {
                tokens[$0] == "to" && ["train", "fine"].contains(tokens[$0 + 1])
            })
        else { return false }
        let before = tokens[..<to]
        return before.contains { ["use", "uses", "used", "using"].contains($0) }
            && before.contains(where: customerContent.contains)
    }

    private static let customerContent: Set<String> = [
        "customer", "customers", "prompts", "prompt", "uploaded", "uploads", "inputs", "conversations", "personal",
    ]

    /// Whether people are asked about as able to do something not protective: "Do customer-service
    /// representatives have the ability to export the entire customer database?" (not "the
    /// ability to enforce MFA").
    static func grantsAbility(_ tokens: [String], people: Set<String>) -> Bool {
        guard tokens.count > 3, ["do", "does"].contains(tokens[0]), tokens.prefix(6).contains(where: people.contains)
        else { return false }
        // "have the ability to", "are able to": what they can do; not "provide individuals the
        // ability to access their data", a right given.
        return tokens.indices.dropFirst(2).dropLast(2).contains { index in
            let holds =
                (tokens[index] == "ability" && tokens[index - 1] == "the"
                    && ["have", "has"].contains(tokens[index - 2]))
                || (tokens[index] == "able" && ["are", "is", "be"].contains(tokens[index - 1]))
            return holds && tokens[index + 1] == "to" && !protectiveActs.contains(Stemmer.stem(tokens[index + 2]))
        }
    }

    /// Whether the question names a lasting or hidden exposure: a single supplier, region or person
    /// everything rests on; access kept from an earlier role; what "would" cause an outage; personal
    /// devices or accounts used for work; data sold; keys on the same host as the data; sanctions.
    static func namesAnExposure(_ tokens: [String]) -> Bool {
        for (index, token) in tokens.enumerated() {
            let next = tokens[(index + 1)..<min(tokens.count, index + 3)]
            switch token {
            case "single", "sole":
                // Not "stay available through the loss of a single data centre": resilience.
                let tolerated = tokens[max(0, index - 3)..<index].contains {
                    ["loss", "failure", "outage"].contains($0)
                }
                let reach = tokens[(index + 1)..<min(tokens.count, index + 5)]
                if !tolerated, reach.contains(where: concentration.contains) { return true }
            case "keep", "keeps", "kept", "retain", "retains", "retained":
                let after = tokens[(index + 1)..<min(tokens.count, index + 4)]
                if let access = after.firstIndex(of: "access"),
                    access + 1 >= tokens.count || !accessRecords.contains(tokens[access + 1])
                {
                    return true
                }
            case "would":
                if tokens[(index + 1)..<min(tokens.count, index + 9)].contains(where: harmVerbs.contains) {
                    return true
                }
            case "personal":
                if next.contains(where: personalThings.contains) { return true }
            case "sell", "sells", "sold", "selling", "rent", "rents", "trade", "trades", "monetise", "monetize":
                // "sell, rent or otherwise make customer personal data available"
                let around = tokens[max(0, index - 4)..<min(tokens.count, index + 8)]
                if around.contains(where: dataWords.contains) { return true }
            case "same":
                // "keys stored on the same host as the data"; not "held to the same standards", nor
                // "data centres in the same region".
                if index > 1, ["on", "in"].contains(tokens[index - 2]), tokens[index - 1] == "the",
                    next.contains(where: sharedPlaces.contains),
                    tokens[(index + 1)..<min(tokens.count, index + 7)].contains("as")
                {
                    return true
                }
                // "the same credentials used across development and production": reuse.
                if next.contains(where: accountWords.contains) { return true }
            case "beyond", "past":
                // "kept beyond the agreed deletion period", "past their agreed due date".
                if tokens[(index + 1)..<min(tokens.count, index + 4)].contains(where: agreedLimits.contains) {
                    return true
                }
            case "outside":
                // "replicated to regions outside the contracted jurisdiction".
                if tokens[(index + 1)..<min(tokens.count, index + 5)].contains(where: jurisdictions.contains) {
                    return true
                }
            case "sanctions", "sanctioned":
                let before = tokens[max(0, index - 8)..<index]
                if before.contains(where: {
                    ["subject", "countries", "country", "named", "listed", "under"].contains($0)
                }) {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    /// Whether the question asks whether a safeguard is switched off: "is logging disabled on any
    /// systems", "can MFA be turned off".
    static func switchesOffSafeguard(_ tokens: [String]) -> Bool {
        tokens.indices.contains { index in
            guard safeguardNouns.contains(Stemmer.stem(tokens[index])) else { return false }
            let next = tokens[(index + 1)..<min(tokens.count, index + 4)]
            return next.contains { ["disabled", "bypassed", "suspended", "optional", "waived"].contains($0) }
                || zip(next, next.dropFirst()).contains { ["turned", "switched"].contains($0) && $1 == "off" }
        }
    }

    /// Whether a protective act is the purpose of what the question asks about: "tooling to
    /// detect unsanctioned applications".
    static func servesProtectiveAct(_ tokens: [String]) -> Bool {
        zip(tokens, tokens.dropFirst()).contains { $0 == "to" && protectiveActs.contains(Stemmer.stem($1)) }
    }

    /// Whether the question asks whether defaults are changed ("Are vendor-supplied defaults
    /// always changed before …?", "Are default passwords changed at installation?"): the
    /// safeguard against default credentials, where "changed" alone says nothing of safety.
    static func changesDefaults(_ tokens: [String]) -> Bool {
        tokens.indices.contains { index in
            ["default", "defaults"].contains(tokens[index])
                && tokens[(index + 1)..<min(tokens.count, index + 5)].indices.contains { later in
                    ["changed", "altered", "modified"].contains(tokens[later]) && !isNegated(tokens, at: later)
                }
        }
    }

    /// Whether a safeguard word in the question is negated ("not approved", "without being
    /// wiped"): then it says the safeguard is missing.
    static func isNegated(_ tokens: [String], at index: Int) -> Bool {
        tokens[max(0, index - 3)..<index].contains { negations.contains($0) }
    }

    /// Whether the question names something lacking a safeguard ("unapproved software",
    /// "unescorted visitors"), a shared or generic account, or production data in a
    /// development or test environment.
    static func namesAWeakness(_ tokens: [String]) -> Bool {
        // Not "no unescorted visitors": a rule against the weakness.
        if tokens.indices.contains(where: { lackingSafeguard.contains(tokens[$0]) && !isNegated(tokens, at: $0) }) {
            return true
        }
        for (index, token) in tokens.enumerated() where token == "shared" || token == "generic" {
            if tokens[(index + 1)..<min(tokens.count, index + 4)].contains(where: accountWords.contains) {
                return true
            }
        }
        // A weak mechanism accepted: "are SMS codes accepted as a factor?", "is FTP allowed?".
        if tokens.contains(where: weakMechanisms.contains), tokens.contains(where: acceptance.contains) {
            return true
        }
        let productionData = zip(tokens, tokens.dropFirst()).contains { $0 == "production" && $1 == "data" }
        return productionData && tokens.contains(where: nonProduction.contains)
    }

    /// Whether the question asks whether anything unwanted exists or happened: "are there any …",
    /// "has there been any …", "describe any incidents …" (not "how" any incidents are handled).
    static func asksWhetherAny(_ tokens: [String], incidents: Set<String>) -> Bool {
        // "Are there open findings from your last audit …?", without "any".
        if tokens.starts(with: ["are", "there"]) || tokens.starts(with: ["is", "there"]),
            tokens.dropFirst(2).prefix(4).contains(where: { findings.contains($0) || unsettled.contains($0) })
        {
            return true
        }
        for (index, token) in tokens.enumerated() where token == "any" && index > 0 {
            if tokens[index - 1] == "there"
                || (index > 1 && tokens[index - 2] == "there" && tokens[index - 1] == "been")
            {
                return true
            }
            let following = tokens[(index + 1)..<min(tokens.count, index + 4)]
            if following.contains(where: incidents.contains), !tokens.contains(where: processWords.contains) {
                return true
            }
            // "Did the test identify any critical or high severity vulnerabilities?"
            if tokens[(index + 1)..<min(tokens.count, index + 7)].contains(where: findings.contains) {
                return true
            }
        }
        return false
    }

    /// What an organisation keeps to know what it has: keeping one is a protective act.
    private static let records: Set<String> = [
        "inventory", "inventories", "register", "registry", "record", "records", "catalogue", "catalog", "list",
        "insurance", "cover", "coverage",
    ]
    private static let adverbs: Set<String> = [
        "always", "actively", "also", "automatically", "centrally", "consistently", "continuously", "currently",
        "formally", "periodically", "proactively", "regularly", "routinely", "systematically", "independently",
    ]
    private static let protectiveActs = Set(
        [
            "prohibit", "forbid", "block", "prevent", "restrict", "deny", "disable", "remove", "revoke", "detect",
            "monitor", "log", "audit", "review", "scan", "test", "screen", "vet", "check", "verify", "validate",
            "track", "inventory", "encrypt", "mask", "anonymise", "pseudonymise", "tokenise", "redact", "wipe",
            "erase", "destroy", "sanitise", "patch", "remediate", "replace", "retire", "quarantine", "obtain",
            "require", "enforce", "limit", "notify", "supervise", "approve", "protect", "segregate", "isolate",
            "alert", "assess", "evaluate", "investigate", "report", "respond",
        ].map(Stemmer.stem)
    )
    private static let safeguardNouns = Set(
        [
            "review", "reviewed", "approval", "approved", "consent", "authorisation", "authorization", "authorised",
            "authorized", "escort", "escorted", "wiped", "wiping", "destroyed", "destruction", "screening",
            "screened", "encryption", "encrypted", "testing", "tested", "authentication", "mfa", "permission",
            "notice", "notification", "oversight", "supervision", "supervised", "logging", "logged", "monitoring",
            "monitored", "vetting", "vetted", "background", "check", "checks", "checked", "justification",
            "ticket", "verification", "verified", "sanitisation", "sanitization", "sanitised", "sanitized",
            "safeguards", "protection", "signoff", "peer", "audit", "audited", "assessment", "assessed",
            "diligence", "agreement", "contract", "vpn", "bastion", "firewall", "segmentation",
            "segregation", "isolation", "enrolled", "mdm", "procurement", "process", "training", "offsite",
            "alternative", "fallback", "redundancy", "documented", "mitigated", "identified", "deidentified",
            "deletion", "schedule", "retention",
        ].map(Stemmer.stem)
    ).union(TextAnalyzer.safeguards.map(Stemmer.stem))
    /// The steps of a process a question may say were skipped ("outside the procurement
    /// process", "before completing training").
    private static let steps = Set(
        [
            "procurement", "process", "approval", "approved", "policy", "training", "trained", "review",
            "reviewed", "screening", "screened", "check", "checks", "vetting", "vetted", "testing", "tested",
            "authorisation", "authorization",
        ].map(Stemmer.stem)
    )
    private static let negations: Set<String> = ["not", "never", "no", "without", "nor", "rather", "instead"]
    /// Safeguards matched as written, not by stem.
    private static let safeguardsAsWritten: Set<String> = ["listed", "signed"]
    /// Who a right is granted to, when the question asks whether the customer has it.
    private static let grantees: Set<String> = [
        "us", "we", "our", "customer", "customers", "client", "clients", "entity", "auditors", "grant", "give",
    ]
    private static let assuranceVerbs: Set<String> = [
        "commit", "guarantee", "warrant", "ensure", "agree", "undertake", "confirm", "attest", "certify",
    ]
    /// Mechanisms too weak to protect anything: SMS codes, clear-text protocols, broken ciphers.
    private static let weakMechanisms: Set<String> = ["sms", "telnet", "ftp", "md5", "rc4", "sslv3", "wep"]
    private static let acceptance: Set<String> = ["accepted", "allowed", "permitted", "supported", "accept", "allow"]
    private static let lingering: Set<String> = [
        "used", "use", "recoverable", "accessible", "retained", "enabled", "active", "running", "have", "has",
        "able", "hold", "holds", "open", "exposed", "stored", "present", "exist", "exists", "accepted", "allowed",
        "supported", "permitted",
    ]
    private static let concentration: Set<String> = [
        "supplier", "suppliers", "provider", "vendor", "region", "datacenter", "datacentre", "centre", "center",
        "person", "individual", "point", "site", "location", "zone", "server", "instance", "employee",
        "administrator", "engineer", "founder", "developer", "library",
    ]
    private static let accessRecords: Set<String> = ["logs", "log", "records", "reviews", "review", "history"]
    /// What is still open: "is there an outstanding remediation order".
    private static let unsettled: Set<String> = ["outstanding", "open", "pending", "unresolved"]
    private static let findings: Set<String> = [
        "vulnerabilities", "findings", "exceptions", "deficiencies", "weaknesses", "nonconformities",
        "nonconformity", "deviations",
    ]
    /// Verbs of a question about keeping something up to date ("has the plan been reviewed within
    /// the last year?"): the window of time is the review's, not an incident's.
    static let upkeep: Set<String> = [
        "reviewed", "updated", "revised", "refreshed", "tested", "exercised",
    ]
    private static let exposedStates: Set<String> = [
        "recoverable", "accessible", "active", "enabled", "exposed", "valid", "open", "readable",
    ]
    /// A limit agreed or set, which data kept or work done "beyond" or "past" it exceeds.
    private static let agreedLimits: Set<String> = [
        "agreed", "contracted", "contractual", "permitted", "allowed", "stated", "defined", "retention", "deletion",
        "due", "deadline", "deadlines", "end", "required", "period",
    ]
    private static let jurisdictions: Set<String> = [
        "jurisdiction", "jurisdictions", "contracted", "agreed", "approved", "specified", "designated", "chosen",
        "assessed", "boundary", "authorised", "authorized", "scope",
    ]
    private static let dataWords: Set<String> = ["data", "information", "records", "details", "lists", "list"]
    private static let sharedPlaces: Set<String> = [
        "host", "hosts", "volume", "server", "servers", "system", "machine", "disk", "storage", "network",
        "account", "region", "site", "location", "database", "bucket", "subnet",
    ]
    /// Words of an exercise that rehearses an incident, which is no incident.
    static let rehearsals: Set<String> = [
        "exercise", "exercises", "exercised", "tabletop", "simulation", "simulating", "simulated", "drill",
        "drills", "rehearsal", "rehearsed", "playbook", "playbooks", "runbook", "runbooks",
    ]
    private static let harmVerbs: Set<String> = ["result", "cause", "lead", "down"]
    private static let personalThings: Set<String> = [
        "phone", "phones", "mobile", "device", "devices", "laptop", "laptops", "computer", "computers", "email",
        "e", "accounts", "account", "cloud", "storage", "drive", "drives", "messaging", "whatsapp",
    ]
    private static let lackingSafeguard: Set<String> = [
        "unauthorised", "unauthorized", "unapproved", "unescorted", "unencrypted", "unpatched", "unresolved",
        "unremediated", "unmanaged", "unsanctioned", "unvetted", "unreviewed", "untested", "unmonitored",
        "unprotected", "unsecured", "unrestricted", "unlicensed", "unvalidated", "unverified", "undisclosed",
        "unreported", "unmitigated", "unaddressed", "unfixed", "unsupported", "deprecated", "dormant", "overdue",
        "obsolete", "outdated", "reused", "misconfigured", "misconfiguration", "flat", "lapsed",
    ]
    private static let accountWords: Set<String> = [
        "account", "accounts", "credential", "credentials", "password", "passwords", "login", "logins", "logon",
        "logons", "identity", "identities", "key", "keys",
    ]
    private static let nonProduction: Set<String> = [
        "development", "dev", "test", "testing", "staging", "qa", "sandbox", "sandboxes", "lower", "non",
        "nonproduction",
    ]
    private static let processWords: Set<String> = [
        "how", "process", "processes", "procedure", "procedures", "plan", "plans", "policy", "policies", "rule",
        "rules", "standard", "programme", "program", "check", "checks", "control", "controls", "mechanism",
        "mechanisms", "tool", "tools", "alert", "alerts", "review",
    ]
}
