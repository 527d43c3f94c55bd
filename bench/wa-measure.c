/*
 * wa-measure FILE CMD [ARG...]: run CMD (stdout as given), write "wall user
 * sys maxrss_kb" (seconds; the child's own accounting from
 * getrusage(RUSAGE_CHILDREN), wall time from the monotonic clock) to FILE.
 * A small C parent, so that the peak RSS is the command's and not that of
 * the copy of the parent it starts as.  Used by bench/whatsapp-bench and
 * bench/wa-ratios.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
int
main(int argc, char *argv[])
{
	struct timespec a, b;
	struct rusage ru;
	int st = 0;
	FILE *f;
	pid_t pid;

	if (argc < 3)
		return fprintf(stderr, "usage: measure FILE CMD...\n"), 2;
	clock_gettime(CLOCK_MONOTONIC, &a);
	if ((pid = fork()) == -1)
		return perror("fork"), 1;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) == -1)
		return perror("waitpid"), 1;
	clock_gettime(CLOCK_MONOTONIC, &b);
	getrusage(RUSAGE_CHILDREN, &ru);
	if ((f = fopen(argv[1], "w")) == NULL)
		return perror(argv[1]), 1;
	fprintf(f, "%.6f %.6f %.6f %ld\n",
	    (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9,
	    ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss);
	fclose(f);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
