/* floor.c - the floor under one answer's CPU time: the durable replace of
 * a case-sized file alone, as save.h makes it (a temporary file beside it,
 * written, fsync'd, closed, renamed over the file, the folder fsync'd),
 * with nothing of yjinspect around it. bench/tui.sh builds and runs it at
 * the cadence of its answers, in the folder it answers in, so that one
 * answer's CPU can be read against what the file system alone costs (as
 * summary is read against cat).
 *
 *   floor DIR N GAP_MS BYTES
 *
 * prints the CPU time (user + system, getrusage) per replace, in
 * microseconds, over N replaces of DIR/floor.ini of BYTES each, GAP_MS
 * apart: as for an answer, the wakeups between them count too.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static long long
cpu_us(void)
{
	struct rusage r;

	getrusage(RUSAGE_SELF, &r);
	return (long long)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000000 +
	    r.ru_utime.tv_usec + r.ru_stime.tv_usec;
}

static void
die(const char *what, const char *path)
{
	perror(path);
	fprintf(stderr, "floor: %s failed\n", what);
	exit(1);
}

int
main(int argc, char **argv)
{
	char path[4096], tmp[4096], *data;
	struct timespec gap;
	long long t0;
	long n, bytes, gap_ms;
	int fd, dfd;

	if (argc != 5) {
		fprintf(stderr, "usage: floor DIR N GAP_MS BYTES\n");
		return 2;
	}
	n = atol(argv[2]);
	gap_ms = atol(argv[3]);
	bytes = atol(argv[4]);
	if (n <= 0 || gap_ms < 0 || bytes <= 0 || bytes > 1 << 20)
		return 2;
	snprintf(path, sizeof path, "%s/floor.ini", argv[1]);
	if ((data = malloc((size_t)bytes)) == NULL)
		return 1;
	memset(data, 'x', (size_t)bytes);
	gap.tv_sec = gap_ms / 1000;
	gap.tv_nsec = (gap_ms % 1000) * 1000000L;
	t0 = cpu_us();
	for (long i = 0; i < n; i++) {
		data[i % bytes] = (char)('a' + i % 26);	/* (each one differs) */
		snprintf(tmp, sizeof tmp, "%s/.floor.ini.XXXXXX", argv[1]);
		if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1)
			die("mkstemp", tmp);
		if (fchmod(fd, 0600) == -1 || write(fd, data, (size_t)bytes) != bytes)
			die("write", tmp);
		if (fsync(fd) == -1)
			die("fsync", tmp);
		if (close(fd) == -1)
			die("close", tmp);
		if (rename(tmp, path) == -1)
			die("rename", path);
		if ((dfd = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
		    fsync(dfd) == -1)
			die("fsync of the folder", argv[1]);
		close(dfd);
		if (gap_ms > 0)
			nanosleep(&gap, NULL);
	}
	printf("%lld\n", (cpu_us() - t0) / n);
	unlink(path);
	free(data);
	return 0;
}
