import Testing
@testable import ThiDuaKit

/// What the compiler must refuse, found by the differential tests.
@Suite struct TemplateCompilerTests {
    static let noData = DataValue.map([:])

    static func errors(_ template: String, _ partials: [String: String]) -> [TemplateError] {
        guard case .rejected(let errors) = TemplateHarness.render(template, partials: partials, data: noData, type: .inferred(from: noData)) else {
            return []
        }
        return errors
    }

    /// Blocks given further out win, so a block met again inside the text given for it would
    /// be replaced by that text again without end: swift-mustache overflows its stack, and
    /// the compiler did too before it refused it.
    @Test func aBlockInsideTheTextGivenForItIsRefused() {
        let errors = Self.errors("{{<base}}{{$main}}[{{$main}}x{{/main}}]{{/main}}{{/base}}", ["base": "<{{$main}}default{{/main}}>"])
        #expect(errors == [TemplateError(template: TemplateHarness.main, position: SourcePosition(line: 1, column: 20),
                                         message: "block 'main' is used inside the text given for it: main → main; blocks cannot recurse")])
    }

    @Test func twoBlocksEachInsideTheTextGivenForTheOtherAreRefused() {
        let errors = Self.errors("{{<base}}{{$a}}{{$b}}{{/b}}{{/a}}{{$b}}{{$a}}{{/a}}{{/b}}{{/base}}", ["base": "{{$a}}{{/a}}"])
        #expect(errors.map(\.message) == ["block 'a' is used inside the text given for it: a → b → a; blocks cannot recurse"])
    }

    /// Only a given text can recur: a default holding a block of its own name renders once.
    @Test func aBlockInsideItsOwnDefaultStillRenders() throws {
        let template = "{{<base}}{{/base}}|{{$a}}<{{$a}}x{{/a}}>{{/a}}"
        let partials = ["base": "{{$a}}({{$a}}y{{/a}}){{/a}}"]
        guard case .rendered(let bytes) = TemplateHarness.render(template, partials: partials, data: Self.noData, type: .inferred(from: Self.noData)) else {
            Issue.record("refused")
            return
        }
        let reference = try TemplateHarness.reference(template, partials: partials, data: Self.noData)
        #expect(String(decoding: bytes, as: UTF8.self) == "(y)|<x>")
        #expect(bytes == Array(reference.utf8))
    }
}
