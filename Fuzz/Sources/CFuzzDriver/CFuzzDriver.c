// The module is only its header: libFuzzer, linked by -sanitize=fuzzer, defines the function.
#include "CFuzzDriver.h"
