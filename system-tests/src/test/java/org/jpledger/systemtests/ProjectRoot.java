package org.jpledger.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root directory, where the services' build output and the deployment files are. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path path() {
        String configured = System.getProperty("jpledger.project.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("not the project root (no docker-compose.yml): " + root);
        }
        return root;
    }
}
