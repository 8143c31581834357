#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so its encoding.h would bring the system's ICU headers into
// this module, and their UErrorCode clashes with the one Foundation's own ICU module declares in
// any Swift file that sees both (a release build of the tests stopped on it). Quire uses no ICU
// converter; the fields this drops end xmlCharEncodingHandler, which libxml2 allocates and Swift
// never embeds or sizes.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>   // found via pkg-config's -I/usr/include/libxml2
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
// xmlFree is a mutable global function pointer; Swift 6 rejects reading it.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }
// The parser context's fields are plain C struct members; these keep that layout out of Swift.
static inline int clibxml2_line(xmlParserCtxtPtr context) {
    return context != NULL && context->input != NULL ? context->input->line : 0;
}
// How many elements are open; non-zero at the end of a part means it was cut short.
static inline int clibxml2_depth(xmlParserCtxtPtr context) {
    return context != NULL ? context->nameNr : 0;
}
#endif
