/**
 * The 2019 study's own label distribution, read from its labelled workbooks, for the repository
 * reports to set beside new populations ({@link dlbugs.label.study.StudyShares}).
 */
package dlbugs.label.study;
