/**
 * The SVG chart kit shared by the evaluation page ({@code dlbugs evaluate}) and the repository
 * reports ({@code dlbugs label-repo}, {@code label-repos}): grouped bar charts, line charts, heat
 * maps and reliability diagrams, each rendered from plain numbers and labels to one inline
 * {@code <svg>} element. It depends on nothing, so every module that draws can use it.
 */
package dlbugs.charts;
