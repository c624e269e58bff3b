-- Campaigns per answer (issue 17): a campaign can be found in the answers to one question (response_clusters.questionId,
-- its members answers.clusterId), and a campaign can be cited as one source with the number who signed it.
-- AlterTable
ALTER TABLE "answers" ADD COLUMN     "clusterId" TEXT,
ADD COLUMN     "clusterScore" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "citations" ADD COLUMN     "signatories" INTEGER;

-- AlterTable
ALTER TABLE "response_clusters" ADD COLUMN     "questionId" TEXT;

-- CreateIndex
CREATE INDEX "answers_clusterId_idx" ON "answers"("clusterId");

-- CreateIndex
CREATE INDEX "response_clusters_questionId_idx" ON "response_clusters"("questionId");

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "response_clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_clusters" ADD CONSTRAINT "response_clusters_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A campaign is cited for at least its one cited response.
ALTER TABLE "citations" ADD CONSTRAINT "citations_signatories_check" CHECK ("signatories" IS NULL OR "signatories" >= 1);
