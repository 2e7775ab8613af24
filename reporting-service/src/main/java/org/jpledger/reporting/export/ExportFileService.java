package org.jpledger.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * The scheduled files a caller may see: those of units its token covers; files of every unit only for whole-tree
 * callers. Any other file answers 404, like one that does not exist.
 */
@ApplicationScoped
public class ExportFileService {

    private final ExportFiles files;
    private final UnitAccess access;

    public ExportFileService(ExportFiles files, UnitAccess access) {
        this.files = files;
        this.access = access;
    }

    public List<ExportManifest> list() {
        UnitScope scope = access.scope();
        return files.manifests().stream().filter(manifest -> visible(scope, manifest)).toList();
    }

    /** The manifest and path of a file the caller may download. */
    public ExportManifest manifest(String name) {
        UnitScope scope = access.scope();
        return files.manifest(name).filter(manifest -> visible(scope, manifest))
                .orElseThrow(ExportFileService::notFound);
    }

    public Path path(ExportManifest manifest) {
        return files.path(manifest);
    }

    private boolean visible(UnitScope scope, ExportManifest manifest) {
        if (scope.isAll()) {
            return true;
        }
        Object units = manifest.filters().get("units");
        return units != null && !"*".equals(units)
                && List.of(units.toString().split(",")).stream().allMatch(unit -> access.covers(scope, unit));
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("No export file with this name within your units.");
    }
}
