/**
 * The technician's pointer and pen strokes on the customer's screen (issue 18.7, docs/drawing.md):
 * {@link dev.tandem.agent.drawing.Drawings} keeps what shows now and lets it fade, for every phone
 * (the Android app draws it in its accessibility overlay, the virtual phone paints it into its own
 * framebuffer with {@link dev.tandem.agent.drawing.DrawingLayer}). Pure Java, no Android or AWT
 * types: both phones share it.
 */
package dev.tandem.agent.drawing;
