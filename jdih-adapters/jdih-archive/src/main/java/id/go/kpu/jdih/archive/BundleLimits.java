package id.go.kpu.jdih.archive;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Size limits a bundle must keep, so that a crafted ZIP (a "zip bomb": a few kilobytes that inflate to gigabytes, or
 * millions of entries) cannot exhaust memory or disk. Sizes are counted on the bytes actually inflated, never taken
 * from the ZIP's headers, which a crafted file can fake. The writer refuses to produce a bundle its own limits would
 * refuse to read.
 *
 * @param maxEntries the most entries a bundle may hold, the manifest included
 * @param maxEntryBytes the largest inflated size of one entry; the default is above the media store's 50 MiB limit
 * @param maxTotalBytes the largest inflated size of all entries together
 * @param maxManifestBytes the largest manifest, which is read into memory before anything else
 * @param maxRecordBytes the largest size of the definitions and case events together, which are held in memory
 *     while a bundle is read (media are only streamed and hashed, bounded by the entry and total limits); checked
 *     on the manifest's stated sizes before any entry is read, and on the bytes actually read
 */
public record BundleLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxManifestBytes,
    long maxRecordBytes) {

  /** Default bound on definitions and events together: 128 MiB, some hundred thousand events. */
  public static final long DEFAULT_MAX_RECORD_BYTES = 128L << 20;

  /** Every limit is positive. */
  public BundleLimits {
    checkArgument(maxEntries > 0, "maxEntries must be positive");
    checkArgument(maxEntryBytes > 0, "maxEntryBytes must be positive");
    checkArgument(maxTotalBytes > 0, "maxTotalBytes must be positive");
    checkArgument(maxManifestBytes > 0, "maxManifestBytes must be positive");
    checkArgument(maxRecordBytes > 0, "maxRecordBytes must be positive");
  }

  /** Limits with the default bound on definitions and events ({@value #DEFAULT_MAX_RECORD_BYTES} bytes). */
  public BundleLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxManifestBytes) {
    this(maxEntries, maxEntryBytes, maxTotalBytes, maxManifestBytes, DEFAULT_MAX_RECORD_BYTES);
  }

  /** 100,000 entries, 64 MiB per entry, 8 GiB in all, a 16 MiB manifest, 128 MiB of definitions and events. */
  public static BundleLimits defaults() {
    return new BundleLimits(100_000, 64L << 20, 8L << 30, 16L << 20, DEFAULT_MAX_RECORD_BYTES);
  }

  /** These limits with another per-entry limit. */
  public BundleLimits withMaxEntryBytes(long bytes) {
    return new BundleLimits(maxEntries, bytes, maxTotalBytes, maxManifestBytes, maxRecordBytes);
  }

  /** These limits with another total limit. */
  public BundleLimits withMaxTotalBytes(long bytes) {
    return new BundleLimits(maxEntries, maxEntryBytes, bytes, maxManifestBytes, maxRecordBytes);
  }

  /** These limits with another entry count limit. */
  public BundleLimits withMaxEntries(int entries) {
    return new BundleLimits(entries, maxEntryBytes, maxTotalBytes, maxManifestBytes, maxRecordBytes);
  }

  /** These limits with another bound on definitions and events together. */
  public BundleLimits withMaxRecordBytes(long bytes) {
    return new BundleLimits(maxEntries, maxEntryBytes, maxTotalBytes, maxManifestBytes, bytes);
  }
}
