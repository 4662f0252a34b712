package dev.tandem.agent;

import dev.tandem.protocol.Limits;

/** The rules a customer message meets before it is sent: not blank, at most 4,000 characters. */
final class ChatText {

    private ChatText() {
    }

    static void check(String text) throws MessageRefusedException {
        if (text == null || text.isBlank()) {
            throw new MessageRefusedException(MessageRefusedException.EMPTY,
                    "The message is empty. Write something before sending.");
        }
        int characters = Limits.characters(text);
        if (characters > Limits.MAX_CHAT_CHARS) {
            throw new MessageRefusedException(MessageRefusedException.TOO_LONG,
                    String.format("The message has %,d characters and the limit is %,d. Split it into shorter messages.",
                            characters, Limits.MAX_CHAT_CHARS));
        }
    }
}
