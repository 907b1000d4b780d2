package cn.wenming.task.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real parallel requests for the concurrency tests: all released at the same moment, judged by counting. */
final class AllAtOnce {

    private AllAtOnce() {
    }

    /** Runs {@code request(0)} … {@code request(n - 1)} on n threads released together; their HTTP statuses, in order. */
    static List<Integer> statuses(int n, IntFunction<Integer> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> call = () -> {
                    go.await();
                    return request.apply(index);
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }
}
