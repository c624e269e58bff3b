-- Token buckets shared by every app instance (lib/limits/bucket.ts): the open data API's rate limit.
CREATE TABLE "rate_buckets" (
    "key" VARCHAR(255) NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_buckets_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_buckets_updatedAt_idx" ON "rate_buckets"("updatedAt");
