/// The arithmetic of a crop around a focus point, apart from libvips so it can be read and
/// tested on its own.
enum CropGeometry {
    /// Resizing an image to its exact cover size may ask to grow it by a pixel where libvips
    /// rounded the shrink-on-load result down; more than that is a source smaller than the
    /// box, which is never scaled up.
    static let roundingSlack = 1.01

    /// The smallest size with the aspect of `width`×`height` that covers `box`.
    static func cover(width: Int, height: Int, box: ImageSize) -> ImageSize {
        let w = Double(max(width, 1)), h = Double(max(height, 1))
        return ImageSize(
            width: max(box.width, Int((Double(box.height) * w / h).rounded(.up))),
            height: max(box.height, Int((Double(box.width) * h / w).rounded(.up))))
    }

    /// The `box` cut from a `width`×`height` image, centred on the focus point (fractions from
    /// the top left) as far as the edges allow, and never larger than the image.
    static func area(width: Int, height: Int, box: ImageSize, focusX: Double, focusY: Double)
        -> (left: Int, top: Int, width: Int, height: Int)
    {
        let cutWidth = min(box.width, width), cutHeight = min(box.height, height)
        let left = start(of: cutWidth, in: width, at: focusX)
        let top = start(of: cutHeight, in: height, at: focusY)
        return (left, top, cutWidth, cutHeight)
    }

    private static func start(of cut: Int, in length: Int, at fraction: Double) -> Int {
        let point = fraction.isFinite ? min(max(fraction, 0), 1) : 0.5
        let centred = Int((point * Double(length)).rounded()) - cut / 2
        return min(max(centred, 0), length - cut)
    }
}
