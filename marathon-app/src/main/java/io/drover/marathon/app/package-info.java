/**
 * Marathon v2 app definitions as immutable records, read and written with {@link
 * io.drover.marathon.app.MarathonJson#mapper()}.
 *
 * <ul>
 *   <li>{@link io.drover.marathon.app.AppDefinition}: the definition with Marathon's defaults applied
 *       (build one with {@code AppDefinition.builder(PathId)} or {@code toBuilder()}); {@link
 *       io.drover.marathon.app.PathId} its id; nested values {@link io.drover.marathon.app.Container},
 *       {@link io.drover.marathon.app.Docker}, {@link io.drover.marathon.app.PortMapping}, {@link
 *       io.drover.marathon.app.PortDefinition}, {@link io.drover.marathon.app.Constraint}, {@link
 *       io.drover.marathon.app.HealthCheck}, {@link io.drover.marathon.app.UpgradeStrategy}, {@link
 *       io.drover.marathon.app.UnreachableStrategy}, {@link io.drover.marathon.app.VersionInfo}.
 *   <li>Drover's extensions live in labels (global mode, progress deadline, rollback on failure): see
 *       {@link io.drover.marathon.app.AppDefinition}.
 *   <li>{@link io.drover.marathon.app.AppStatusSource}: implemented by the scheduling side to feed
 *       the read-only fields ({@link io.drover.marathon.app.AppCounts}, {@link
 *       io.drover.marathon.app.TaskView}, {@link io.drover.marathon.app.TaskFailure}) that {@link
 *       io.drover.marathon.app.AppView} adds to an app's JSON.
 * </ul>
 */
package io.drover.marathon.app;
