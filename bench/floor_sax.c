/* C floor for reading an XLSX sheet: zlib raw inflate in 64 KiB chunks straight into
 * libxml2's SAX2 push parser. No Swift, minimal callbacks (count elements and characters).
 *
 *   floor_sax FILE.xlsx SHEET_PART [SHARED_STRINGS_PART]
 *   e.g. floor_sax q.xlsx xl/worksheets/sheet1.xml xl/sharedStrings.xml
 *
 * The shared strings part (if given) is parsed first, as a real reader must, then the sheet.
 * Prints one line: "rows N cells N strings N elements N chars N bytes N".
 * Build: cc -O2 floor_sax.c $(pkg-config --cflags --libs libxml-2.0 zlib)
 */
#include "floor_zip.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

typedef struct {
    unsigned long long elements, chars, rows, cells, strings;
} counts;

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)nattr; (void)ndef; (void)attrs;
    counts *c = ctx;
    c->elements++;
    /* Local names are short; a first-byte switch keeps the work minimal. */
    if (local[0] == 'c' && local[1] == 0) c->cells++;
    else if (local[0] == 'r' && local[1] == 'o' && local[2] == 'w' && local[3] == 0) c->rows++;
    else if (local[0] == 's' && local[1] == 'i' && local[2] == 0) c->strings++;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)local; (void)prefix; (void)uri;
}

static void on_chars(void *ctx, const xmlChar *ch, int len) {
    (void)ch;
    ((counts *)ctx)->chars += (unsigned long long)len;
}

static void on_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    fprintf(stderr, "libxml2: %s", msg);
}

static unsigned long long parse_part(const fz_archive *a, const char *name, xmlSAXHandler *sax, counts *c) {
    static unsigned char buf[FZ_CHUNK];
    fz_stream *s = malloc(sizeof *s);
    if (!s) fz_die("malloc", NULL);
    fz_stream_open(s, a, name);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(sax, c, NULL, 0, name);
    if (!ctxt) fz_die(name, "xmlCreatePushParserCtxt failed");
    /* No network; entities are not substituted (no XML_PARSE_NOENT), no DTD loading. */
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    size_t n;
    while ((n = fz_stream_read(s, buf, sizeof buf)) > 0) {
        if (xmlParseChunk(ctxt, (const char *)buf, (int)n, 0) != 0) fz_die(name, "XML parse error");
    }
    if (xmlParseChunk(ctxt, NULL, 0, 1) != 0) fz_die(name, "XML parse error at end");
    int ok = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    if (!ok) fz_die(name, "not well-formed");
    unsigned long long bytes = s->produced;
    free(s);
    return bytes;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s FILE.xlsx SHEET_PART [SHARED_STRINGS_PART]\n", argv[0]);
        return 2;
    }
    LIBXML_TEST_VERSION
    fz_archive a;
    fz_open(&a, argv[1]);

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_chars;
    sax.error = on_error;

    counts sst = {0}, sheet = {0};
    unsigned long long bytes = 0;
    if (argc > 3) bytes += parse_part(&a, argv[3], &sax, &sst);
    bytes += parse_part(&a, argv[2], &sax, &sheet);

    printf("rows %llu cells %llu strings %llu elements %llu chars %llu bytes %llu\n", sheet.rows, sheet.cells,
           sst.strings, sst.elements + sheet.elements, sst.chars + sheet.chars, bytes);
    free(a.cd);
    close(a.fd);
    return 0;
}
