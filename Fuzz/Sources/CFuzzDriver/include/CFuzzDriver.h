#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs that keep their own main (clang_rt.fuzzer). SwiftPM gives
// every executable a main of its own, so the targets call this instead of linking
// libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
