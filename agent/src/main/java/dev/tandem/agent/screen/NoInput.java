package dev.tandem.agent.screen;

/** {@link PhoneInput#none()}: input that goes nowhere. Stateless and thread-safe. */
final class NoInput implements PhoneInput {
    static final NoInput INSTANCE = new NoInput();

    private NoInput() {
    }

    @Override
    public void touchDown(int x, int y) {
    }

    @Override
    public void touchMove(int x, int y) {
    }

    @Override
    public void touchUp(int x, int y) {
    }

    @Override
    public void scroll(int x, int y, int stepsRight, int stepsDown) {
    }

    @Override
    public void softKey(SoftKey key) {
    }

    @Override
    public void key(KeyboardKey key) {
    }

    @Override
    public void type(String text) {
    }

    @Override
    public void wake() {
    }
}
