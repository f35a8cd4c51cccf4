import Foundation
import Mustache
@testable import ThiDuaKit

/// A template and its partials through thidua's engine and through swift-mustache, the
/// reference it must match byte for byte.
enum TemplateHarness {
    /// The name the template under test gets beside its partials: no partial of the spec or
    /// of the generator is called this, and it ends in neither `.ics` nor `.txt`, so HTML
    /// escaping applies, as in swift-mustache.
    static let main = "(template under test)"

    enum Outcome {
        case rendered([UInt8])
        /// Refused when parsed or compiled, as the typed design refuses a name no value has.
        case rejected([TemplateError])
    }

    static func render(_ template: String, partials: [String: String] = [:], data: DataValue, type: DataType) -> Outcome {
        var parsed: [String: [TemplateSyntax]] = [:]
        do throws(TemplateError) {
            for (name, text) in partials {
                parsed[name] = try TemplateParser.parse(text, template: name)
            }
            parsed[main] = try TemplateParser.parse(template, template: main)
        } catch {
            return .rejected([error])
        }
        var compiler = TemplateCompiler(templates: parsed)
        guard let block = compiler.compile(main, frames: [type.template]), compiler.errors.isEmpty else {
            return .rejected(compiler.errors)
        }
        return .rendered(TemplateRenderer.render(block, [type.value(data)]))
    }

    static func reference(_ template: String, partials: [String: String] = [:], data: DataValue) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in partials {
            try library.register(text, named: name)
        }
        try library.register(template, named: main)
        return library.render(data.foundation ?? NSNull(), withTemplate: main) ?? ""
    }
}
