import { MessagePage } from "@/components/site/message-page";

export default function NotFound() {
  return <MessagePage namespace="NotFound" />;
}
