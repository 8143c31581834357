/* Process launcher for bench/run.py: runs one command, measures it, writes the numbers to a file.
 *
 *   timeit TIMEOUT_SECONDS RESULT_FILE PROGRAM [ARGS...]
 *
 * Why not measure from Python directly: Linux carries the parent's memory high-water mark
 * across fork/vfork + exec into the child's ru_maxrss, so a child spawned by a Python process
 * reports at least the Python process's ~20 MB. This launcher is small, so what it reports is
 * the command's own peak RSS (plus at most this launcher's ~1-2 MB, as with /usr/bin/time).
 *
 * stdin/stdout/stderr are inherited. RESULT_FILE gets one line:
 *   rc=N signal=N timeout=0|1 wall=SECONDS user=SECONDS sys=SECONDS maxrss_kb=N
 * Build: cc -O2 timeit.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out = 0;
static volatile pid_t child = 0;

static void on_alarm(int sig) {
    (void)sig;
    timed_out = 1;
    if (child > 0) kill(-child, SIGKILL); /* the whole process group */
}

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s TIMEOUT_SECONDS RESULT_FILE PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    unsigned timeout = (unsigned)strtoul(argv[1], NULL, 10);
    const char *result_path = argv[2];

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        setpgid(0, 0); /* own process group, so a timeout kills grandchildren too */
        execvp(argv[3], argv + 3);
        fprintf(stderr, "%s: %s\n", argv[3], strerror(errno));
        _exit(127);
    }
    child = pid;
    if (timeout) alarm(timeout);
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("wait4");
            return 2;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    alarm(0);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

    FILE *f = fopen(result_path, "w");
    if (!f) {
        perror(result_path);
        return 2;
    }
    fprintf(f, "rc=%d signal=%d timeout=%d wall=%.6f user=%.6f sys=%.6f maxrss_kb=%ld\n", rc, sig, (int)timed_out,
            wall, seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss);
    fclose(f);
    return 0;
}
