package org.entente.inventory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.entente.directory.EntenteUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Files in and out of the inventory's pages: the CSV import with its preview, the CSV and XLSX exports. */
@Controller
class InventoryFilePageController {

	private final AssetImport assetImport;
	private final InventoryExport export;
	private final InventoryPermissions permissions;

	InventoryFilePageController(AssetImport assetImport, InventoryExport export, InventoryPermissions permissions) {
		this.assetImport = assetImport;
		this.export = export;
		this.permissions = permissions;
	}

	@GetMapping("/inventaire/import")
	String importForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		permissions.requireRead(user);
		model.addAttribute("header", String.join(",", AssetImport.REQUIRED));
		return "inventory/import";
	}

	@PostMapping("/inventaire/import")
	String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean commit,
			@AuthenticationPrincipal EntenteUser user, Model model) throws IOException {
		permissions.requireRead(user);
		model.addAttribute("header", String.join(",", AssetImport.REQUIRED));
		if (file.isEmpty()) {
			model.addAttribute("fileError", "Choisissez un fichier CSV.");
			return "inventory/import";
		}
		permissions.requireImport(user);
		AssetImport.ImportResult result = assetImport.importCsv(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), user, !commit);
		model.addAttribute("result", result);
		model.addAttribute("fileName", file.getOriginalFilename());
		return "inventory/import";
	}

	@GetMapping("/inventaire/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, permissions.requireRead(user), "csv");
	}

	@GetMapping("/inventaire/export.xlsx")
	ResponseEntity<StreamingResponseBody> exportXlsx(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, permissions.requireRead(user), "xlsx");
	}
}
