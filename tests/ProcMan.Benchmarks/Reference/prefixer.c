/*
 * prefixer PREFIX: copies stdin to stdout, PREFIX before every line, through 64 KiB reads and
 * 128 KiB writes of whole lines (lines under 64 KiB). The flood's reference: the least a
 * process between a child and a file must do (read the pipe, prefix, write), in C, with the
 * pump's run-ahead (a 256 KiB pipe; 1 ms of sleep after a bulk read that left the buffer
 * unfilled) and none of ProcMan's other work (no channel, no serialization across children, no
 * runtime to start or stop). It ignores SIGTERM, so that stopping the generators' group lets it
 * write all they wrote.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char in[1 << 16], out[1 << 17];

static void write_all(const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(1, bytes, length);
        if (written <= 0)
            _exit(1);
        bytes += written;
        length -= (size_t)written;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    const char *prefix = argv[1];
    size_t prefix_length = strlen(prefix), start = 0, end = 0, buffered = 0;
    signal(SIGTERM, SIG_IGN);
    fcntl(0, F_SETPIPE_SZ, 256 * 1024);
    for (;;) {
        size_t room = sizeof in - end;
        ssize_t n = read(0, in + end, room);
        if (n <= 0)
            break;
        end += (size_t)n;
        char *newline;
        while ((newline = memchr(in + start, '\n', end - start)) != NULL) {
            size_t length = (size_t)(newline - (in + start)) + 1;
            if (buffered + prefix_length + length > sizeof out) {
                write_all(out, buffered);
                buffered = 0;
            }
            memcpy(out + buffered, prefix, prefix_length);
            memcpy(out + buffered + prefix_length, in + start, length);
            buffered += prefix_length + length;
            start += length;
        }
        memmove(in, in + start, end - start);
        end -= start;
        start = 0;
        /* As the pump: a bulk read that left the buffer unfilled lets the child run ahead. */
        if (n >= 4096 && (size_t)n < room) {
            struct timespec run_ahead = { 0, 1000000 };
            nanosleep(&run_ahead, NULL);
        }
    }
    write_all(out, buffered);
    return 0;
}
