import CVipsShim
import Foundation
import Synchronization

/// libvips set up once per process, and the small pieces every call into it needs.
enum Vips {
    /// `static let` runs its initialiser once, thread-safely, on first use: the pipeline's
    /// workers can all reach for libvips at the same moment.
    static let ready: Result<Void, ImageFailure> = start()

    /// "8.14.1": part of every cache key, since another libvips may make other bytes.
    static let version = String(cString: vips_version_string())

    /// Warnings libvips logged ("VIPS" GLib domain). Counted, never printed: an editor's
    /// terminal shows thidua's own diagnostics, not a library's raw lines, and every
    /// warning that matters (a truncated file) already comes back as an error.
    static var warnings: Int { warningCount.load(ordering: .relaxed) }
    private static let warningCount = Atomic<Int>(0)

    private static func start() -> Result<Void, ImageFailure> {
        guard vips_init("thidua") == 0 else {
            return .failure(ImageFailure(message: "libvips could not start: \(takeError())"))
        }
        // One thread per image: the pipeline already runs one image per core, and libvips'
        // own worker pool on top of that would only add threads fighting for the same cores.
        vips_concurrency_set(1)
        // libvips caches recent operations so a repeated call is free; a build never repeats
        // one (each source is opened once, each rendition saved once), so the cache would
        // only hold decoded images in memory for nothing.
        vips_cache_set_max(0)
        vips_cache_set_max_mem(0)
        boundMemory()
        let levels = GLogLevelFlags(rawValue: G_LOG_LEVEL_MASK.rawValue
            | G_LOG_FLAG_FATAL.rawValue | G_LOG_FLAG_RECURSION.rawValue)
        g_log_set_handler("VIPS", levels, { _, _, _, _ in
            Vips.warningCount.add(1, ordering: .relaxed)
        }, nil)
        return .success(())
    }

    /// glibc keeps what a thread frees for that thread's arena, and raises its threshold for
    /// giving large blocks back to the system after each one it frees: the encoders'
    /// buffers of every photo stayed mapped, and a build's peak grew with its number of
    /// photos. One arena and a fixed 32 KB threshold for both mapping and trimming return
    /// them instead. Measured on 40 phone photos (4000×3000 to 6000×4000), 2 cores: peak
    /// 400–460 MiB by default, 182–188 MiB with two arenas and 128 KB, 175–179 MiB with
    /// this; wall time within noise (18–19 s).
    private static func boundMemory() {
        thidua_bound_malloc(1, 32 * 1024)
    }

    /// libvips' error text as one line, and the buffer cleared for the next call.
    /// `vips_error_buffer_copy` is `vips_error_buffer` + `vips_error_clear` under libvips'
    /// lock, so another thread cannot clear or append between the read and the clear.
    static func takeError() -> String {
        guard let copy = vips_error_buffer_copy() else { return "unknown libvips error" }
        defer { g_free(copy) }
        let lines = String(cString: copy)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        // libvips repeats a cause up the call chain; once is enough.
        var seen = Set<String>()
        let text = lines.filter { seen.insert($0).inserted }.joined(separator: "; ")
        return text.isEmpty ? "unknown libvips error" : text
    }
}

/// One VipsImage reference, released when the Swift value goes.
final class VipsImageRef {
    let pointer: UnsafeMutablePointer<VipsImage>

    init(_ pointer: UnsafeMutablePointer<VipsImage>) { self.pointer = pointer }

    deinit { g_object_unref(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }

    /// Runs a libvips operation that writes a new image into its `out` argument; a failure
    /// reads "<what> (<libvips' words>)".
    static func make(
        _ what: String,
        _ operation: (UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32
    ) -> Result<VipsImageRef, ImageFailure> {
        var out: UnsafeMutablePointer<VipsImage>?
        guard operation(&out) == 0, let image = out else {
            if let image = out { g_object_unref(image) }
            return .failure(ImageFailure(message: "\(what) (\(Vips.takeError()))"))
        }
        return .success(VipsImageRef(image))
    }

    /// Runs a saver that writes a g_malloc'd buffer, and copies it into Swift memory.
    func save(
        _ what: String,
        _ saver: (UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutableRawPointer?>,
                  UnsafeMutablePointer<Int>) -> Int32
    ) -> Result<[UInt8], ImageFailure> {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = saver(pointer, &buffer, &length)
        defer { g_free(buffer) }
        guard status == 0, let buffer else {
            return .failure(ImageFailure(message: "\(what) failed (\(Vips.takeError()))"))
        }
        return .success(Array(UnsafeRawBufferPointer(start: buffer, count: length)))
    }
}
