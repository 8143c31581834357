/* Minimal ZIP reader shared by the C floors (bench/floor_sax.c, bench/floor_reader.c).
 *
 * Just enough of a ZIP reader to find an entry by name through the central directory
 * (ZIP64 sizes and offsets included) and stream its inflated bytes in 64 KiB chunks with
 * zlib's raw inflate (inflateInit2(-15)). The CRC-32 of every entry is checked, because
 * Quire's reader has to do that too. No Swift, nothing clever: this is the cost floor.
 */
#ifndef QUIRE_BENCH_FLOOR_ZIP_H
#define QUIRE_BENCH_FLOOR_ZIP_H

#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define FZ_CHUNK (64 * 1024)

static void fz_die(const char *what, const char *detail) {
    fprintf(stderr, "%s: %s\n", what, detail ? detail : strerror(errno));
    exit(1);
}

static uint16_t fz_u16(const unsigned char *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t fz_u32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static uint64_t fz_u64(const unsigned char *p) { return (uint64_t)fz_u32(p) | ((uint64_t)fz_u32(p + 4) << 32); }

static void fz_pread_all(int fd, void *buf, size_t n, uint64_t off) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
        if (r < 0) { if (errno == EINTR) continue; fz_die("pread", NULL); }
        if (r == 0) fz_die("zip", "unexpected end of file");
        got += (size_t)r;
    }
}

typedef struct {
    int fd;
    uint64_t file_size;
    unsigned char *cd;  /* the whole central directory */
    uint64_t cd_size;
    uint64_t entries;
} fz_archive;

typedef struct {
    uint16_t method;
    uint32_t crc;
    uint64_t csize, usize, local_offset;
} fz_entry;

static void fz_open(fz_archive *a, const char *path) {
    a->fd = open(path, O_RDONLY);
    if (a->fd < 0) fz_die(path, NULL);
    struct stat st;
    if (fstat(a->fd, &st) != 0) fz_die(path, NULL);
    a->file_size = (uint64_t)st.st_size;
    if (a->file_size < 22) fz_die(path, "not a ZIP file (too small)");

    /* End of central directory: within the last 64 KiB + 22 bytes. */
    uint64_t tail = a->file_size < 65557 ? a->file_size : 65557;
    unsigned char *buf = malloc(tail);
    if (!buf) fz_die("malloc", NULL);
    fz_pread_all(a->fd, buf, tail, a->file_size - tail);
    long eocd = -1;
    for (long i = (long)tail - 22; i >= 0; i--) {
        if (fz_u32(buf + i) == 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) fz_die(path, "no end-of-central-directory record");
    uint64_t entries = fz_u16(buf + eocd + 10);
    uint64_t cd_size = fz_u32(buf + eocd + 12);
    uint64_t cd_off = fz_u32(buf + eocd + 16);
    if ((entries == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu) && eocd >= 20 &&
        fz_u32(buf + eocd - 20) == 0x07064b50) {
        /* ZIP64 end-of-central-directory locator, then the ZIP64 record. */
        unsigned char rec[56];
        fz_pread_all(a->fd, rec, sizeof rec, fz_u64(buf + eocd - 20 + 8));
        if (fz_u32(rec) != 0x06064b50) fz_die(path, "bad ZIP64 end-of-central-directory record");
        entries = fz_u64(rec + 32);
        cd_size = fz_u64(rec + 40);
        cd_off = fz_u64(rec + 48);
    }
    free(buf);
    if (cd_off + cd_size > a->file_size) fz_die(path, "central directory out of range");
    a->cd = malloc(cd_size ? cd_size : 1);
    if (!a->cd) fz_die("malloc", NULL);
    fz_pread_all(a->fd, a->cd, cd_size, cd_off);
    a->cd_size = cd_size;
    a->entries = entries;
}

/* Returns 1 and fills *e when the central directory has an entry called `name`. */
static int fz_find(const fz_archive *a, const char *name, fz_entry *e) {
    size_t name_len = strlen(name);
    uint64_t p = 0;
    for (uint64_t i = 0; i < a->entries; i++) {
        if (p + 46 > a->cd_size) break;
        const unsigned char *h = a->cd + p;
        if (fz_u32(h) != 0x02014b50) fz_die("zip", "bad central directory header");
        uint16_t n = fz_u16(h + 28), x = fz_u16(h + 30), c = fz_u16(h + 32);
        if (p + 46 + n + x + c > a->cd_size) fz_die("zip", "central directory entry out of range");
        if (n == name_len && memcmp(h + 46, name, n) == 0) {
            if (fz_u16(h + 8) & 1) fz_die(name, "encrypted entry");
            e->method = fz_u16(h + 10);
            e->crc = fz_u32(h + 16);
            e->csize = fz_u32(h + 20);
            e->usize = fz_u32(h + 24);
            e->local_offset = fz_u32(h + 42);
            /* ZIP64 extended information: only the fields that are 0xFFFFFFFF, in order. */
            const unsigned char *xp = h + 46 + n, *xe = xp + x;
            while (xp + 4 <= xe) {
                uint16_t id = fz_u16(xp), sz = fz_u16(xp + 2);
                const unsigned char *d = xp + 4, *de = d + sz;
                if (de > xe) break;
                if (id == 0x0001) {
                    if (e->usize == 0xFFFFFFFFu && d + 8 <= de) { e->usize = fz_u64(d); d += 8; }
                    if (e->csize == 0xFFFFFFFFu && d + 8 <= de) { e->csize = fz_u64(d); d += 8; }
                    if (e->local_offset == 0xFFFFFFFFu && d + 8 <= de) { e->local_offset = fz_u64(d); }
                }
                xp = de;
            }
            return 1;
        }
        p += 46 + n + x + c;
    }
    return 0;
}

/* Streaming inflater over one entry. */
typedef struct {
    int fd;
    fz_entry e;
    uint64_t data_off, consumed;  /* compressed bytes read so far */
    uint64_t produced;            /* uncompressed bytes produced so far */
    uLong crc;
    z_stream zs;
    unsigned char in[FZ_CHUNK];
    int done;
    const char *name;
} fz_stream;

static void fz_stream_open(fz_stream *s, const fz_archive *a, const char *name) {
    memset(s, 0, sizeof *s);
    if (!fz_find(a, name, &s->e)) fz_die(name, "no such entry in the archive");
    unsigned char lh[30];
    fz_pread_all(a->fd, lh, sizeof lh, s->e.local_offset);
    if (fz_u32(lh) != 0x04034b50) fz_die(name, "bad local header");
    s->fd = a->fd;
    s->name = name;
    s->data_off = s->e.local_offset + 30 + fz_u16(lh + 26) + fz_u16(lh + 28);
    if (s->data_off + s->e.csize > a->file_size) fz_die(name, "entry data out of range");
    s->crc = crc32(0L, Z_NULL, 0);
    if (s->e.method == 8) {
        if (inflateInit2(&s->zs, -15) != Z_OK) fz_die(name, "inflateInit2 failed");
    } else if (s->e.method != 0) {
        fz_die(name, "unsupported compression method");
    }
}

/* Fills `out` with up to `cap` inflated bytes; returns how many (0 at the end). */
static size_t fz_stream_read(fz_stream *s, unsigned char *out, size_t cap) {
    if (s->done) return 0;
    size_t n = 0;
    if (s->e.method == 0) {
        uint64_t left = s->e.csize - s->consumed;
        n = cap < left ? cap : (size_t)left;
        if (n) fz_pread_all(s->fd, out, n, s->data_off + s->consumed);
        s->consumed += n;
    } else {
        s->zs.next_out = out;
        s->zs.avail_out = (uInt)cap;
        while (s->zs.avail_out > 0) {
            if (s->zs.avail_in == 0) {
                uint64_t left = s->e.csize - s->consumed;
                size_t take = left < FZ_CHUNK ? (size_t)left : FZ_CHUNK;
                if (take == 0) fz_die(s->name, "truncated deflate stream");
                fz_pread_all(s->fd, s->in, take, s->data_off + s->consumed);
                s->consumed += take;
                s->zs.next_in = s->in;
                s->zs.avail_in = (uInt)take;
            }
            int rc = inflate(&s->zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) { s->done = 1; break; }
            if (rc != Z_OK) fz_die(s->name, s->zs.msg ? s->zs.msg : "inflate failed");
        }
        n = cap - s->zs.avail_out;
    }
    s->produced += n;
    s->crc = crc32(s->crc, out, (uInt)n);
    if (n == 0 || s->done || (s->e.method == 0 && s->consumed == s->e.csize)) {
        if (s->e.method == 0) s->done = 1;
    }
    if (s->done) {
        if (s->produced != s->e.usize) fz_die(s->name, "uncompressed size mismatch");
        if (s->crc != s->e.crc) fz_die(s->name, "CRC-32 mismatch");
        if (s->e.method == 8) inflateEnd(&s->zs);
    }
    return n;
}

#endif
