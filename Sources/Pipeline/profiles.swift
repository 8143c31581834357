import Foundation
public import Questionnaire
import Yams

extension DetectionOptions {
    /// Uses a layout profile: a built-in one by name, or one read from a YAML file.
    public mutating func useProfile(_ nameOrPath: String) throws {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            let profile = try loadLayoutProfile(path: nameOrPath)
            profiles.insert(profile, at: 0)
            profileName = profile.name
        } else {
            profileName = nameOrPath
        }
    }
}

/// Reads a layout profile from YAML.
public func loadLayoutProfile(path: String) throws -> LayoutProfile {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw PipelineError.missingInput(path: path)
    }
    do {
        return try YAMLDecoder().decode(LayoutProfile.self, from: String(decoding: data, as: UTF8.self))
    } catch {
        throw PipelineError.unknown("\(path): not a layout profile: \(error)")
    }
}
