package cn.wenming.suite.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the probe's requests on a few threads and waits for all of them. */
final class Parallel implements AutoCloseable {

    private final ExecutorService pool;

    Parallel(int threads) {
        pool = Executors.newFixedThreadPool(threads);
    }

    void run(List<Runnable> tasks) {
        List<Future<?>> all = new ArrayList<>();
        tasks.forEach(t -> all.add(pool.submit(t)));
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("a probe task failed: " + e.getCause(), e.getCause());
            }
        }
    }

    ExecutorService pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
