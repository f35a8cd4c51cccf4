#if defined(__linux__)
#include <malloc.h>
#endif
#include "CVipsShim.h"

VipsImage *thidua_new_from_buffer(const void *buf, size_t len) {
    return vips_image_new_from_buffer(buf, len, "", NULL);
}

int thidua_thumbnail_buffer(const void *buf, size_t len, VipsImage **out,
                            int width, int height, VipsInteresting crop, VipsFailOn fail_on) {
    // libvips 8.14's vips_thumbnail_buffer does not hand its own `fail_on` to the loader
    // (vips_thumbnail, from a file, does): a truncated JPEG then loads with grey rows and no
    // error. The loader's option string does reach it.
    const char *options = fail_on == VIPS_FAIL_ON_NONE ? "" : fail_on == VIPS_FAIL_ON_TRUNCATED
        ? "fail_on=truncated" : fail_on == VIPS_FAIL_ON_ERROR ? "fail_on=error" : "fail_on=warning";
    // vips_thumbnail_buffer's first argument is not const, yet it only reads the buffer.
    return vips_thumbnail_buffer((void *) buf, len, out, width,
                                 "height", height,
                                 "size", VIPS_SIZE_DOWN,
                                 "crop", crop,
                                 "fail_on", fail_on,
                                 "option_string", options,
                                 "export_profile", "srgb",
                                 NULL);
}

int thidua_thumbnail_image(VipsImage *in, VipsImage **out,
                           int width, int height, VipsInteresting crop) {
    return vips_thumbnail_image(in, out, width,
                                "height", height,
                                "size", VIPS_SIZE_DOWN,
                                "crop", crop,
                                NULL);
}

int thidua_resize(VipsImage *in, VipsImage **out, double hscale, double vscale) {
    return vips_resize(in, out, hscale, "vscale", vscale, NULL);
}

int thidua_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

int thidua_copy(VipsImage *in, VipsImage **out) {
    return vips_copy(in, out, NULL);
}

int thidua_colourspace_srgb(VipsImage *in, VipsImage **out) {
    return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

int thidua_flatten_white(VipsImage *in, VipsImage **out) {
    double white[3] = {255.0, 255.0, 255.0};
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    int status = vips_flatten(in, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return status;
}

int thidua_avifsave(VipsImage *in, void **buf, size_t *len, int quality, int effort) {
    // 8 bits: heifsave's default is 12, which some browsers cannot show and costs bytes.
    return vips_heifsave_buffer(in, buf, len,
                                "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                "Q", quality,
                                "effort", effort,
                                "bitdepth", 8,
                                "strip", TRUE,
                                NULL);
}

int thidua_webpsave(VipsImage *in, void **buf, size_t *len, int quality, int effort) {
    return vips_webpsave_buffer(in, buf, len,
                                "Q", quality,
                                "effort", effort,
                                "strip", TRUE,
                                NULL);
}

int thidua_jpegsave(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len,
                                "Q", quality,
                                "optimize_coding", TRUE,
                                "interlace", TRUE,
                                "strip", TRUE,
                                NULL);
}

int thidua_pngsave(VipsImage *in, void **buf, size_t *len, int compression) {
    return vips_pngsave_buffer(in, buf, len,
                               "compression", compression,
                               "strip", TRUE,
                               NULL);
}

void thidua_bound_malloc(int arenas, int threshold) {
#if defined(__linux__) && defined(M_ARENA_MAX)
    mallopt(M_ARENA_MAX, arenas);
    mallopt(M_MMAP_THRESHOLD, threshold);
    mallopt(M_TRIM_THRESHOLD, threshold);
#endif
}
