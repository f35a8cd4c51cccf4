// Fixed-argument wrappers of the C-variadic libvips calls thidua makes: Swift cannot call
// a variadic C function, so each option list is spelled out here once.
#ifndef THIDUA_CVIPSSHIM_H
#define THIDUA_CVIPSSHIM_H

#include <vips/vips.h>

/// Opens a buffer lazily: the header is read, no pixel is decoded. `buf` must outlive the image.
VipsImage *thidua_new_from_buffer(const void *buf, size_t len);

/// Shrink-on-load, never up, EXIF orientation applied, colour managed to sRGB.
/// `buf` must outlive `*out` (pixels are computed lazily).
int thidua_thumbnail_buffer(const void *buf, size_t len, VipsImage **out,
                            int width, int height, VipsInteresting crop, VipsFailOn fail_on);
int thidua_thumbnail_image(VipsImage *in, VipsImage **out,
                           int width, int height, VipsInteresting crop);
int thidua_resize(VipsImage *in, VipsImage **out, double hscale, double vscale);
int thidua_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height);
int thidua_copy(VipsImage *in, VipsImage **out);
int thidua_colourspace_srgb(VipsImage *in, VipsImage **out);
/// Alpha composed over white, for formats without transparency.
int thidua_flatten_white(VipsImage *in, VipsImage **out);

int thidua_avifsave(VipsImage *in, void **buf, size_t *len, int quality, int effort);
int thidua_webpsave(VipsImage *in, void **buf, size_t *len, int quality, int effort);
int thidua_jpegsave(VipsImage *in, void **buf, size_t *len, int quality);
int thidua_pngsave(VipsImage *in, void **buf, size_t *len, int compression);

/// Makes glibc give freed large blocks back to the system (see Vips.boundMemory).
void thidua_bound_malloc(int arenas, int threshold);

#endif
