/* Reference floor with libxml2's pull API: the same ZIP/inflate code as floor_sax.c, but each
 * part is read through xmlTextReader over IO callbacks that inflate on demand (64 KiB chunks).
 * Minimal work per node: count elements and the characters of text nodes.
 *
 *   floor_reader FILE.xlsx SHEET_PART [SHARED_STRINGS_PART]
 *
 * Prints one line: "rows N cells N strings N elements N chars N bytes N".
 * Build: cc -O2 floor_reader.c $(pkg-config --cflags --libs libxml-2.0 zlib)
 */
#include "floor_zip.h"

#include <libxml/xmlreader.h>

typedef struct {
    unsigned long long elements, chars, rows, cells, strings;
} counts;

static int io_read(void *ctx, char *buf, int len) {
    return (int)fz_stream_read((fz_stream *)ctx, (unsigned char *)buf, (size_t)len);
}

static int io_close(void *ctx) {
    (void)ctx;
    return 0;
}

static unsigned long long read_part(const fz_archive *a, const char *name, counts *c) {
    fz_stream *s = malloc(sizeof *s);
    if (!s) fz_die("malloc", NULL);
    fz_stream_open(s, a, name);
    xmlTextReaderPtr r = xmlReaderForIO(io_read, io_close, s, name, NULL, XML_PARSE_NONET);
    if (!r) fz_die(name, "xmlReaderForIO failed");
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) {
        switch (xmlTextReaderNodeType(r)) {
        case XML_READER_TYPE_ELEMENT: {
            c->elements++;
            const xmlChar *local = xmlTextReaderConstLocalName(r);
            if (local[0] == 'c' && local[1] == 0) c->cells++;
            else if (local[0] == 'r' && local[1] == 'o' && local[2] == 'w' && local[3] == 0) c->rows++;
            else if (local[0] == 's' && local[1] == 'i' && local[2] == 0) c->strings++;
            break;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_CDATA: {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v) c->chars += strlen((const char *)v);
            break;
        }
        default:
            break;
        }
    }
    if (rc != 0) fz_die(name, "XML parse error");
    xmlFreeTextReader(r);
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
    counts sst = {0}, sheet = {0};
    unsigned long long bytes = 0;
    if (argc > 3) bytes += read_part(&a, argv[3], &sst);
    bytes += read_part(&a, argv[2], &sheet);
    printf("rows %llu cells %llu strings %llu elements %llu chars %llu bytes %llu\n", sheet.rows, sheet.cells,
           sst.strings, sst.elements + sheet.elements, sst.chars + sheet.chars, bytes);
    free(a.cd);
    close(a.fd);
    return 0;
}
