import { MessagePage } from "@/components/site/message-page";

export default function Forbidden() {
  return <MessagePage namespace="Forbidden" />;
}
