package io.graft.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} deterministic slices of a fleet ({@code --shard I/N}, I from 0), so that N
 * processes on N machines migrate a fleet without a coordinator. A target belongs to the shard
 * with the highest score {@code SHA-256(name + "/" + shard)} (rendezvous hashing): the slice
 * depends only on the target's name and N, so adding or removing targets moves no other target,
 * and going from N to N+1 shards moves only about 1/(N+1) of them.
 *
 * @param index this slice, from 0 (as Kubernetes' {@code JOB_COMPLETION_INDEX})
 * @param count how many slices
 */
public record Shard(int index, int count) {

    /** The whole fleet. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: shards count from 0, "
                    + "so with " + Math.max(count, 1) + " they are 0/" + Math.max(count, 1) + " to "
                    + (Math.max(count, 1) - 1) + "/" + Math.max(count, 1));
        }
    }

    /** Parses {@code I/N}; {@link IllegalArgumentException} saying the form otherwise. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("shard '" + text + "' is not I/N: write e.g. 0/4 for the first of 4 shards "
                + "(in a Kubernetes Indexed Job: $JOB_COMPLETION_INDEX/4)");
    }

    /** True when the target named {@code name} is in this shard. */
    public boolean contains(String name) {
        return count == 1 || shardOf(name, count) == index;
    }

    /** The shard, from 0, that {@code name} belongs to among {@code count}. */
    public static int shardOf(String name, int count) {
        int best = 0;
        long bestScore = Long.MIN_VALUE;
        for (int s = 0; s < count; s++) {
            long score = score(name, s);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    private static long score(String name, int shard) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((name + "/" + shard).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xFF);
        }
        return v;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
