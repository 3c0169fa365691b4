/** Mentor training and supervision: the sessions, who can come and who came, and which mentors are ready to lead. */
@org.springframework.modulith.ApplicationModule
package app.kindred.training;
