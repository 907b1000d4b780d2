package cn.wenming.bulletin.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/**
 * The files of an uploaded zip, read whole before any of them is imported, within a budget: the
 * bytes the archive actually inflates to, all entries together (folders too), and the number of its
 * entries. Beyond either the whole upload is a 413 and nothing has been imported yet. The sizes an
 * entry's headers declare are never used: a zip bomb's headers say what its maker likes, so every
 * byte is counted as {@link ZipInputStream} inflates it, and an entry is drained here, not skipped
 * (a skip inflates too, uncounted). The JDK's {@link ZipInputStream} reads the format; only the
 * counting is written here, a few lines around its reads.
 */
final class ZipUpload {

    /** One file of the archive: its first {@code maxFileBytes + 1} bytes at most, so that an oversized one can be told. */
    record File(String name, byte[] bytes, boolean oversized) {
    }

    /** The budget of one upload. */
    record Limits(long maxInflatedBytes, int maxEntries, long maxFileBytes) {
    }

    private ZipUpload() {
    }

    /**
     * Reads every file of {@code zip} (folders are counted and left out). A 413 when the archive
     * inflates to more than {@code limits.maxInflatedBytes()} or holds more than
     * {@code limits.maxEntries()} entries; a 400 when it is not a zip that can be read to its end.
     */
    static List<File> read(InputStream zip, Limits limits) {
        List<File> files = new ArrayList<>();
        byte[] buffer = new byte[16 * 1024];
        long inflated = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "ZIP 中的条目超过 " + limits.maxEntries()
                            + " 个，未导入任何文件 (the zip holds more than " + limits.maxEntries() + " entries; nothing was imported)");
                }
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > limits.maxInflatedBytes()) {
                        String budget = size(limits.maxInflatedBytes());
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "ZIP 解压后超过 " + budget + " 的总量上限，未导入任何文件 "
                                + "(the zip inflates to more than its budget of " + budget + " in all; nothing was imported)");
                    }
                    long room = limits.maxFileBytes() + 1 - kept.size();
                    if (room > 0 && !entry.isDirectory()) {
                        kept.write(buffer, 0, (int) Math.min(n, room));
                    }
                }
                if (!entry.isDirectory()) {
                    files.add(new File(entry.getName(), kept.toByteArray(), kept.size() > limits.maxFileBytes()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "不是有效的 ZIP 文件 (not a valid zip file)");
        }
        return files;
    }

    /** {@code 33554432} → {@code 32 MB}; a size that is no whole number of MB or KB in bytes. */
    static String size(long bytes) {
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
