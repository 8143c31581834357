import ControlModel

/// A library without where things were read (not content), in one order, so that two readings
/// compare by content alone.
func normalized(_ library: Library) -> Library {
    var library = library
    library.frameworks.sort { $0.id < $1.id }
    library.controls = library.controls.map { control in
        var control = control
        control.origin = nil
        control.mappings = control.mappings.map { mapping in
            var mapping = mapping
            mapping.origin = nil
            return mapping
        }
        .sorted { $0.requirement < $1.requirement }
        return control
    }
    .sorted { $0.id < $1.id }
    library.implementation = library.implementation.map { record in
        var record = record
        record.origin = nil
        return record
    }
    .sorted { $0.control < $1.control }
    library.mappingSets.sort { $0.id < $1.id }
    return library
}
