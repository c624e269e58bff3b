-- Responses added to a campaign by hand (issue 17 item 3), kept through each recomputation of the campaigns.
-- CreateTable
CREATE TABLE "campaign_links" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "withResponseId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaign_links_responseId_key" ON "campaign_links"("responseId");

-- CreateIndex
CREATE INDEX "campaign_links_callId_idx" ON "campaign_links"("callId");

-- CreateIndex
CREATE INDEX "campaign_links_withResponseId_idx" ON "campaign_links"("withResponseId");

-- AddForeignKey
ALTER TABLE "campaign_links" ADD CONSTRAINT "campaign_links_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_links" ADD CONSTRAINT "campaign_links_withResponseId_fkey" FOREIGN KEY ("withResponseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A response is not linked to itself.
ALTER TABLE "campaign_links" ADD CONSTRAINT "campaign_links_other_check" CHECK ("responseId" <> "withResponseId");
