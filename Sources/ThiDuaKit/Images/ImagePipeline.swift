import Foundation

/// A picture ready for the theme: each size in each format, largest first, published under
/// a name that holds the hash of the source and the recipe.
struct ProcessedImage: Sendable {
    struct Rendition: Sendable, Hashable {
        let url: String
        let width: Int
        let height: Int
        let format: ImageFormat
    }

    let renditions: [Rendition]
    /// An SVG, published as it is: one rendition, the file itself.
    var isVector = false
}

/// A processed file to publish: where, and the cached file holding its bytes.
struct PublishedImage: Sendable, Hashable {
    let path: String
    let cached: String
}

/// The Images stage's result: every picture the site shows, and the files to publish.
struct ImageSet: Sendable {
    var images: [ImageKey: ProcessedImage] = [:]
    var files: [PublishedImage] = []
    /// Sources whose header libvips read, and recipes it encoded: zero when nothing changed.
    var inspected = 0
    var encoded = 0
    /// Sources decoded, and the files encoded from them, for the build's summary line.
    var photosProcessed = 0
    var filesMade = 0

    static let empty = ImageSet()

    subscript(key: ImageKey) -> ProcessedImage? { images[key] }
}

/// Processes every picture the content shows: reads each source once, refuses what is not a
/// picture or is too large, and makes each recipe's renditions through libvips unless the
/// cache has them. One source per task: libvips runs single-threaded per picture, so the
/// cores are shared out by pictures, and memory holds one decoded picture per core.
struct ImagePipeline: Sendable {
    /// Larger pictures are refused from their header, before a pixel is decoded: a 0.9 MB
    /// PNG can claim 30000×30000 pixels.
    static let maxPixels = 100_000_000

    let root: URL
    let cache: ImageCache
    let uses: [ImageUse]
    /// Problems of the uses themselves (a picture outside the media folder), reported with
    /// those of the pictures.
    let useProblems: [Diagnostic]
    /// The files of the media folder, as Load found them: links are not among them, so no
    /// picture is read through a link (a file or a folder) that leads out of the site.
    let mediaFiles: Set<String>
    /// Off for `thidua check`: headers are read, nothing is encoded or stored.
    let encode: Bool

    init(root: URL, site: Site, encode: Bool = true) {
        self.root = root.standardizedFileURL
        let config = site.config
        let folder = config.images.cache.hasPrefix("/") ? config.images.cache : self.root.path + "/" + config.images.cache
        cache = ImageCache(folder: folder + "/images")
        (uses, useProblems) = ImageUses.collect(from: site)
        mediaFiles = Set(site.media.map { "content/" + $0.outputPath })
        self.encode = encode
    }

    func run(parallel: Bool = true) async -> Result<ImageSet, BuildFailure> {
        guard !uses.isEmpty || !useProblems.isEmpty else { return .success(.empty) }
        let bySource = Dictionary(grouping: uses, by: \.source)
        let sources = bySource.keys.sorted()
        var memo = SourceMemo(folder: cache.folder)
        let known = memo
        var results = await Parallel.map(sources, batch: 1, enabled: parallel) { source in
            process(source, uses: bySource[source] ?? [], memo: known)
        }
        // libvips keeps one error text for the whole process: a picture that failed beside
        // another may have been given the other's words. Failures are rare, so each is
        // processed again alone, and reported in its own words.
        if parallel {
            for (index, source) in sources.enumerated() where !results[index].problems.isEmpty {
                results[index] = process(source, uses: bySource[source] ?? [], memo: known)
            }
        }
        var set = ImageSet()
        var problems = useProblems
        var memoChanged = false
        for result in results {
            problems += result.problems
            set.inspected += result.inspected
            set.encoded += result.encoded
            set.photosProcessed += result.encoded > 0 ? 1 : 0
            set.filesMade += result.filesMade
            for (key, image) in result.images { set.images[key] = image }
            set.files += result.files
            if let (path, record) = result.record, memo.records[path] != record {
                memo.remember(path, record)
                memoChanged = true
            }
        }
        if encode { memo.save(changed: memoChanged) }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        return .success(set)
    }

    private struct SourceResult: Sendable {
        var images: [(ImageKey, ProcessedImage)] = []
        var files: [PublishedImage] = []
        var problems: [Diagnostic] = []
        var record: (String, SourceMemo.Record)?
        var inspected = 0
        var encoded = 0
        var filesMade = 0
    }

    private func process(_ source: String, uses: [ImageUse], memo: SourceMemo) -> SourceResult {
        var result = SourceResult()
        /// The same problem at every place that shows the picture: each editor sees it in
        /// the file they are working on.
        func fail(_ problem: (ImageUse) -> String) -> SourceResult {
            result.problems = Set(uses.map { Placed($0) }).sorted().map { placed in
                Diagnostic(path: placed.use.path, position: placed.use.position, message: problem(placed.use))
            }
            return result
        }
        let path = root.path + "/" + source
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
            return fail(\.missing)
        }
        // As for every media file, a link is not followed: it could lead out of the site.
        guard mediaFiles.contains(source), info.st_mode & S_IFMT == S_IFREG else {
            return fail { "\($0.written) is a link or a special file, not a picture; copy the picture itself into content/media" }
        }
        let isSVG = source.lowercased().hasSuffix(".svg")
        guard isSVG || MediaPath.isRaster(source) else {
            return fail { "\($0.written) is not a picture; use a JPEG, PNG, WebP, GIF, TIFF, HEIC, AVIF or SVG file" }
        }
        let size = Int(info.st_size)
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        var bytes: [UInt8]?
        var unreadable = ""
        /// The file's bytes, read once, when first needed: an unchanged photo is not read.
        func load() -> Bool {
            guard bytes == nil else { return true }
            switch FileTree.read(path) {
            case .success(let read): bytes = read
            case .failure(let error): unreadable = String(cString: strerror(error.code.rawValue))
            }
            return bytes != nil
        }
        let record: SourceMemo.Record
        if let known = memo.record(for: source, size: size, modified: modified) {
            record = known
        } else {
            guard load() else { return fail { "cannot read the picture \($0.written): \(unreadable)" } }
            result.inspected += 1
            switch ImageCodec.header(bytes ?? []) {
            case .failure(let failure) where !isSVG:
                return fail { "\($0.written) cannot be published: \(failure.message)" }
            case .success(let header) where header.isVector && !isSVG:
                // Published under its raster name, it would be linked and never published.
                return fail { "\($0.written) holds an SVG drawing; name the file .svg" }
            case .success(let header) where !isSVG || header.isVector:
                var hash = FNV1a()
                (bytes ?? []).withUnsafeBufferPointer { hash.add(bytes: $0) }
                record = SourceMemo.Record(size: size, modified: modified, hash: hash.hex, header: header)
            default:
                // Browsers draw an SVG without a size of its own; it is published as it is.
                record = SourceMemo.Record(size: size, modified: modified, hash: "",
                                           header: ImageHeader(width: 0, height: 0, hasAlpha: false, isVector: true))
            }
        }
        let header = record.header
        guard header.isVector || header.pixels <= Self.maxPixels else {
            return fail { use in
                "\(use.written) is \(header.width)×\(header.height) pixels (\(header.pixels / 1_000_000) megapixels); "
                    + "pictures over \(Self.maxPixels / 1_000_000) megapixels are refused: export a smaller copy"
            }
        }
        result.record = (source, record)
        let published = MediaPath.published(source)
        if header.isVector {
            // Published as it is, with the other files of the media folder.
            let image = ProcessedImage(renditions: [.init(url: "/" + published, width: header.width, height: header.height, format: .png)],
                                       isVector: true)
            result.images = Set(uses.map(\.key)).map { ($0, image) }
            return result
        }
        // Each recipe is looked up in the cache; those it lacks are made together, from one
        // decoding of the source.
        var recipes: [(key: ImageKey, job: EncodeJob, cacheKey: String, entries: [ImageCache.Entry]?)] = []
        var missing: [(index: Int, job: EncodeJob)] = []
        for key in Set(uses.map(\.key)).sorted(by: { ($0.role.rawValue, $0.crop.keyText) < ($1.role.rawValue, $1.crop.keyText) }) {
            let job = EncodeJob(sizes: key.role.sizes(width: header.width, height: header.height),
                                crop: key.crop, formats: key.role.formats(hasAlpha: header.hasAlpha))
            let cacheKey = Self.cacheKey(sourceHash: record.hash, job: job)
            let entries = cache.lookup(cacheKey)
            if entries == nil { missing.append((recipes.count, job)) }
            recipes.append((key, job, cacheKey, entries))
        }
        if !missing.isEmpty && encode {
            guard load() else { return fail { "cannot read the picture \($0.written): \(unreadable)" } }
            result.encoded += missing.count
            let source = bytes ?? []
            bytes = nil
            switch ImageCodec.encode(consume source, missing.map(\.job), recipes: recipes.map(\.job)) {
            case .failure(let failure):
                return fail { "\($0.written) cannot be published: \(failure.message)" }
            case .success(let made):
                result.filesMade = made.reduce(0) { $0 + $1.count }
                for ((index, _), encoded) in zip(missing, made) {
                    do {
                        recipes[index].entries = try cache.store(encoded, as: recipes[index].cacheKey)
                    } catch {
                        let reason = (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "\(error)"
                        return fail { _ in "cannot keep processed pictures in \(cache.folder): \(reason)" }
                    }
                }
            }
        }
        let stem = Self.stem(published)
        for recipe in recipes {
            guard let entries = recipe.entries else { continue }
            let mark = recipe.cacheKey.prefix(AssetFingerprint.digits)
            var renditions: [ProcessedImage.Rendition] = []
            for entry in entries {
                let name = "\(stem).\(mark)-\(entry.size.width).\(entry.format.fileExtension)"
                result.files.append(PublishedImage(path: name, cached: entry.file))
                renditions.append(.init(url: "/" + name, width: entry.size.width, height: entry.size.height, format: entry.format))
            }
            result.images.append((recipe.key, ProcessedImage(renditions: renditions)))
        }
        return result
    }

    /// The recipe's name in the cache: the source's hash, what is made of it, the encoders'
    /// settings, libvips' version (a new one may encode differently, or strip more) and the
    /// pipeline's own.
    static func cacheKey(sourceHash: String, job: EncodeJob, settings: EncoderSettings = .published) -> String {
        var hash = FNV1a()
        hash.add(ImageCache.version)
        hash.add(Vips.version)
        hash.add("\(settings)")
        hash.add(sourceHash)
        hash.add(job.crop.keyText)
        for size in job.sizes { hash.add("\(size.width)x\(size.height)") }
        for format in job.formats { hash.add(format.rawValue) }
        return hash.hex
    }

    /// `media/le/tet.heic` → `media/le/tet`.
    static func stem(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].dropFirst().lastIndex(of: ".") else { return path }
        return String(path[..<dot])
    }
}

/// A use by its place alone, so a picture shown in three roles from one line is reported once.
private struct Placed: Hashable, Comparable {
    let use: ImageUse

    init(_ use: ImageUse) { self.use = use }

    static func == (a: Placed, b: Placed) -> Bool { (a.use.path, a.use.position) == (b.use.path, b.use.position) }
    func hash(into hasher: inout Hasher) {
        hasher.combine(use.path)
        hasher.combine(use.position)
    }
    static func < (a: Placed, b: Placed) -> Bool {
        (a.use.path, a.use.position.line, a.use.position.column) < (b.use.path, b.use.position.line, b.use.position.column)
    }
}
