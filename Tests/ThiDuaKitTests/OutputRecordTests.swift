import Foundation
import Testing
@testable import ThiDuaKit

/// The record a build keeps of what it wrote, and the rebuilds that trust it instead of
/// reading the previous files back.
@Suite struct OutputRecordTests {
    private func recordPath(_ site: borrowing FixtureSite) -> String {
        OutputRecord.location(cache: SiteConfig.Images.defaultCache, site: site.root, output: site.output)
    }

    private func record(_ site: borrowing FixtureSite) throws -> OutputRecord {
        try #require(OutputRecord.load(from: recordPath(site), output: site.output.standardizedFileURL.path))
    }

    /// A build, and how many previous files it read back to compare.
    private func build(_ site: borrowing FixtureSite, now: String = "2024-05-10") async throws -> (Builder.Summary, Int) {
        let counter = FileOutput.ReadCounter()
        let summary = try await FileOutput.$readBacks.withValue(counter) { try await site.build(now: now) }
        return (summary, counter.value)
    }

    private func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func hashIsXXH64() {
        // Reference values of the xxHash library (python-xxhash 3, xxh64_intdigest).
        let cases: [(String, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
            ("Hello, world!", 0xF583_36A7_8B6F_9476), (String(repeating: "Đoàn viên ", count: 7), 0xAD21_FBB9_80D8_C165),
        ]
        for (text, expected) in cases {
            #expect(Array(text.utf8).withUnsafeBytes(ContentHash.of) == expected, "\(text)")
        }
        let bytes = (0..<768).map { UInt8($0 % 256) }
        #expect(bytes.withUnsafeBytes(ContentHash.of) == 0x8E03_C838_C596_036F)
    }

    @Test func buildRecordsEveryFileOutsideTheSite() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await site.build()
        let record = try record(site)
        let tree = try site.outputTree()
        #expect(record.files.count == tree.count)
        for (path, bytes) in tree {
            let file = try #require(record.file(at: path))
            #expect(file.size == bytes.count)
            #expect(file.hash == bytes.withUnsafeBytes(ContentHash.of), "\(path)")
        }
        #expect(record.folders[OutputRecord.key(of: "stories/cham-lo-tet")] != nil && record.folders[OutputRecord.key(of: ".")] != nil)
        #expect(recordPath(site).hasPrefix(site.root.path + "/.thidua-cache/output/"))
        #expect(!tree.keys.contains { $0.contains("record") || $0.hasPrefix(".") })
    }

    @Test func unchangedRebuildReadsNothingBackAndLeavesTheFolderAlone() async throws {
        let site = try FixtureSite(Fixtures.site)
        let (first, _) = try await build(site)
        let before = try site.outputTree()
        let folder = inode(site.output.path)
        let (second, reads) = try await build(site)
        #expect(reads == 0)
        #expect(second.written == 0 && second.unchanged == first.written)
        #expect(inode(site.output.path) == folder, "nothing changed: the output folder is not swapped")
        #expect(try site.outputTree() == before)

        // Without the record the same rebuild compares by reading, and keeps the files.
        unlink(recordPath(site))
        let (third, readsWithout) = try await build(site)
        #expect(readsWithout > 0 && third.written == 0)
        #expect(try site.outputTree() == before)
        #expect(try record(site).files.count == before.count, "and records them again")
    }

    @Test func changedContentWritesOnlyWhatChangedAndEqualsAFreshBuild() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await build(site)
        let story = site.output.path + "/stories/cham-lo-tet/index.html"
        let person = site.output.path + "/people/lo-thi-mai/index.html"
        let (personInode, storyInode) = (inode(person), inode(story))
        try site.write("content/stories/cham-lo-tet.md", Fixtures.story.replacingOccurrences(of: "Chăm lo Tết", with: "Chăm lo Tết sum vầy"))
        let (summary, reads) = try await build(site)
        #expect(reads == 0)
        #expect(summary.written > 0 && summary.unchanged > 0)
        #expect(inode(person) == personInode, "an unchanged page is the same file")
        #expect(inode(story) != storyInode)
        let fresh = site.root.appendingPathComponent("fresh")
        _ = try await site.build(out: fresh)
        #expect(try site.outputTree() == site.outputTree(fresh))
    }

    @Test func fileEditedOrAddedByHandInTheOutputIsPutRight() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await build(site)
        let before = try site.outputTree()
        // Same size, other bytes: only its time and the record tell it changed.
        let home = site.output.appendingPathComponent("index.html")
        var bytes = try Data(contentsOf: home)
        bytes[bytes.startIndex] = UInt8(ascii: "X")
        try bytes.write(to: home)
        let (edited, reads) = try await build(site)
        #expect(reads == 0)
        #expect(edited.written == 1)
        #expect(try site.outputTree() == before)

        try Data("stray".utf8).write(to: site.output.appendingPathComponent("stories/cham-lo-tet/stray.txt"))
        let (_, readsAfterAdding) = try await build(site)
        #expect(readsAfterAdding == 0)
        #expect(try site.outputTree() == before, "a file the build did not make is gone, as after any build")
    }

    @Test func failedBuildLeavesOutputAndRecordAsTheyWere() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await build(site)
        let tree = try site.outputTree()
        let record = try Data(contentsOf: URL(fileURLWithPath: recordPath(site)))
        try site.write("content/stories/cham-lo-tet.md", "---\ntitle: \"Tin\"\ndate: 2024-13-01\n---\n")
        try site.write("content/stories/moi.md", "---\ntitle: \"Tin mới\"\ndate: 2024-04-01\n---\nMới.\n")
        await #expect(throws: BuildFailure.self) { try await site.build() }
        #expect(try site.outputTree() == tree)
        #expect(try Data(contentsOf: URL(fileURLWithPath: recordPath(site))) == record)
    }

    @Test func corruptRecordMeansComparingByReading() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await build(site)
        let before = try site.outputTree()
        var text = try String(contentsOfFile: recordPath(site), encoding: .utf8)
        text.removeLast(7)
        try text.write(toFile: recordPath(site), atomically: false, encoding: .utf8)
        #expect(OutputRecord.load(from: recordPath(site), output: site.output.standardizedFileURL.path) == nil)
        let (summary, reads) = try await build(site)
        #expect(reads > 0 && summary.written == 0)
        #expect(try site.outputTree() == before)
    }

    @Test func recordRoundTripsAndBelongsToOneFolder() throws {
        let site = try FixtureSite(["public/index.html": "x", "public/media/ảnh 1.avif": ""])
        let root = site.output.path
        let stamp = OutputRecord.Stamp(inode: 42, modified: 1_715_299_200_123_456_789)
        let files: [(path: String, file: OutputRecord.File)] = [
            ("index.html", .init(size: 10, hash: 0xFFFF_0000_1234_ABCD, stamp: stamp)),
            ("media/ảnh 1.avif", .init(size: 0, hash: nil, stamp: stamp)),
        ]
        let listing = try #require(OutputListing(output: "/tmp/a b/public", root: root, files: files))
        #expect(listing.folders.map(\.path) == [".", "media"])
        let decoded = try #require(OutputRecord(decoding: listing.encoded(), output: "/tmp/a b/public", device: listing.device))
        #expect(decoded.file(at: "index.html") == files[0].file && decoded.file(at: "media/ảnh 1.avif") == files[1].file)
        #expect(decoded.files.count == 2 && decoded.folders.count == 2)
        #expect(decoded.folders[OutputRecord.key(of: "media")] == listing.folders[1].stamp)
        #expect(OutputRecord(decoding: listing.encoded(), output: "/tmp/other", device: listing.device) == nil)
        #expect(OutputRecord(decoding: listing.encoded(), output: "/tmp/a b/public", device: listing.device + 1) == nil)
        #expect(OutputRecord(decoding: listing.encoded().dropLast(), output: "/tmp/a b/public", device: listing.device) == nil)
    }

    /// Files kept before the first change are linked at the end, those after it at once; both
    /// are the previous build's files, not copies.
    @Test func keptFilesStayTheSameFilesWhenTheFolderIsSwapped() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public"), record = root.path + "/record"
        let first = try StagingFolder.begin(output: output, record: record)
        for name in ["a", "b", "c/d"] { _ = try first.place("\(name).txt", Data(name.utf8)) }
        try first.commit()
        let before = ["a", "c/d"].map { inode(output.path + "/\($0).txt") }
        let second = try StagingFolder.begin(output: output, record: record)
        #expect(try second.place("a.txt", Data("a".utf8)) == .unchanged)
        #expect(try second.place("b.txt", Data("B".utf8)) == .written)
        #expect(try second.place("c/d.txt", Data("c/d".utf8)) == .unchanged)
        try second.commit()
        #expect(["a", "c/d"].map { inode(output.path + "/\($0).txt") } == before)
        #expect(try String(contentsOf: output.appendingPathComponent("b.txt"), encoding: .utf8) == "B")
        #expect(OutputRecord.load(from: record, output: output.path)?.file(at: "b.txt")?.size == 1)
    }

    /// A kept file is linked at the end; one changed meanwhile fails the build instead of
    /// publishing the changed bytes.
    @Test func fileChangedInTheOutputDuringTheBuildFailsIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public"), record = root.path + "/record"
        let first = try StagingFolder.begin(output: output, record: record)
        #expect(try first.place("a.txt", Data("a".utf8)) == .written)
        #expect(try first.place("b.txt", Data("b".utf8)) == .written)
        try first.commit()
        let second = try StagingFolder.begin(output: output, record: record)
        #expect(try second.place("a.txt", Data("a".utf8)) == .unchanged)
        #expect(try second.place("b.txt", Data("B".utf8)) == .written)
        try Data("changed".utf8).write(to: output.appendingPathComponent("a.txt"))
        #expect(throws: StagingFailure.self) { try second.commit() }
        second.discard()
        #expect(try String(contentsOf: output.appendingPathComponent("b.txt"), encoding: .utf8) == "b")
    }
}
